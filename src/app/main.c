/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — entry point of the `rawabit` GTK application. */
#define G_LOG_DOMAIN "rawabit-app"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rwb-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (RwbApplication) app = NULL;

  /* Before any _(): GTK's own init only calls setlocale(), it does not bind our domain. */
  /* A locale that is named but not installed (LANG=ar_EG.UTF-8 on a system without it) would
   * leave the "C" locale, where gettext ignores LANGUAGE and the window stays English: C.UTF-8
   * keeps UTF-8 and lets LANGUAGE choose the translation. */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  /* RAWABIT_LOCALEDIR: the catalogues of an uninstalled build (build/po), for tests. */
  const char *localedir = g_getenv ("RAWABIT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : RWB_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Rawabit"));

  app = rwb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
