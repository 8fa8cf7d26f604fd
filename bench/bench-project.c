/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-project.c — projects at scale: opening a project of 10,000 articles, and what adding
 * one article costs at 100 and at 10,000 articles.
 *
 *   bench-project generate P.rawabit N   a project of N synthetic articles
 *   bench-project open P.rawabit         open, read the graph, apply the corrections (what a
 *                                        window does on open); prints the time and the size
 *   bench-project add P.rawabit N        adds N more articles one transaction each; prints the
 *                                        median time per article
 *   bench-project                        all of it in a temporary folder: 100 and 10,000
 *
 * The articles are made from templates in the style of tests/data/project (Arabic and
 * English), with company, person and place names drawn from generated pools so that names
 * repeat across articles as they do in a real corpus, and dates spread over three years.
 */
#define G_LOG_DOMAIN "rawabit-bench"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rwb-project.h"

static const char *const latin_a[] = { "Nova", "Zarqa", "Sahel", "Qamar", "Falcon", "Oasis",
                                       "Delta", "Atlas", "Noor", "Hilal", "Rimal", "Marjan" };
static const char *const latin_b[] = { "Electronics", "Foods", "Logistics", "Steel", "Energy",
                                       "Pharma", "Telecom", "Cement", "Textiles", "Motors" };
static const char *const arabic_a[] = { "نوفا", "زرقاء", "ساحل", "قمر", "صقر", "واحة", "دلتا",
                                        "أطلس", "نور", "هلال", "رمال", "مرجان" };
static const char *const arabic_b[] = { "للإلكترونيات", "للأغذية", "للخدمات اللوجستية",
                                        "للصلب", "للطاقة", "للأدوية", "للاتصالات", "للإسمنت",
                                        "للنسيج", "للسيارات" };
static const char *const first_names[] = { "Samer", "Layla", "Omar", "Huda", "Karim", "Rana",
                                           "Tariq", "Mona", "Fadi", "Salma" };
static const char *const last_names[] = { "Haddad", "Khoury", "Mansour", "Saleh", "Nasser",
                                          "Aziz", "Hamdan", "Barakat" };
static const char *const places_en[] = { "Dubai", "Riyadh", "Jeddah", "Cairo", "Amman",
                                         "Muscat", "Doha", "Kuwait", "Casablanca", "Beirut" };
static const char *const places_ar[] = { "دبي", "الرياض", "جدة", "القاهرة", "عمّان", "مسقط",
                                         "الدوحة", "الكويت", "الدار البيضاء", "بيروت" };
static const char *const months[] = { "January", "February", "March", "April", "May", "June",
                                      "July", "August", "September", "October", "November",
                                      "December" };

/* Company @i of a pool of 1,200, in Latin or Arabic. */
static char *
company (guint i, gboolean arabic)
{
  guint a = i % 12, b = (i / 12) % 10, n = i / 120;
  if (arabic)
    return n ? g_strdup_printf ("%s %s %u", arabic_a[a], arabic_b[b], n)
             : g_strdup_printf ("%s %s", arabic_a[a], arabic_b[b]);
  return n ? g_strdup_printf ("%s %s %u", latin_a[a], latin_b[b], n)
           : g_strdup_printf ("%s %s", latin_a[a], latin_b[b]);
}

/* Article @k: two companies from the pool, a person, a place and a date. */
static char *
article (guint k)
{
  GRand *rand = g_rand_new_with_seed (k + 1);
  guint c1 = g_rand_int_range (rand, 0, 1200), c2 = g_rand_int_range (rand, 0, 1200);
  guint p = g_rand_int_range (rand, 0, 10), f = g_rand_int_range (rand, 0, 10);
  guint l = g_rand_int_range (rand, 0, 8);
  g_rand_free (rand);
  GDate date;
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2022);
  g_date_add_days (&date, k % 1000);
  guint day = g_date_get_day (&date), month = g_date_get_month (&date),
        year = g_date_get_year (&date);
  gboolean arabic = k % 2 == 0;
  g_autofree char *a = company (c1, arabic), *b = company (c2 == c1 ? c1 + 1 : c2, arabic);
  if (arabic)
    return g_strdup_printf (
      "شركة %s تتعاون مع شركة %s في %s\n%u %s %u\n\n"
      "أعلنت شركة %s اليوم عن شراكة مع شركة %s في %s. وقال الرئيس التنفيذي لشركة %s إن "
      "الاتفاق يشمل تصنيع الأجهزة لصالح %s.\n"
      "وتعتمد شركة %s على مصنع جديد في %s، وتخطط لتوظيف خمسمئة عامل.\n"
      "كما تجري شركة %s محادثات مع شركة %s بشأن توريد المكونات (المقال %u).\n",
      a, b, places_ar[p], day, (const char *[]) { "يناير", "فبراير", "مارس", "أبريل", "مايو",
                                                   "يونيو", "يوليو", "أغسطس", "سبتمبر",
                                                   "أكتوبر", "نوفمبر", "ديسمبر" }[month - 1],
      year, a, b, places_ar[p], b, a, b, places_ar[(p + 3) % 10], a, b, k);
  return g_strdup_printf (
    "%s and %s to work together in %s\n%s %u, %u\n\n"
    "%s has partnered with %s to manufacture parts in %s, %s chief executive %s %s said.\n"
    "%s will manufacture the parts for %s at a plant in %s. %s is in talks with %s to supply "
    "steel (article %u).\n",
    a, b, places_en[p], months[month - 1], day, year, a, b, places_en[p], b, first_names[f],
    last_names[l], b, a, places_en[(p + 3) % 10], a, b, k);
}

static RwbLexicon *
lexicon (void)
{
  static RwbLexicon *lex;
  if (lex == NULL)
    {
      g_autoptr (GError) error = NULL;
      lex = rwb_lexicon_new_default (NULL, &error);
      if (lex == NULL)
        g_error ("%s", error->message);
    }
  return lex;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

/* Adds articles [@from, @to) in batches of @batch per transaction (1: one each); returns the
 * seconds each single-article add took when @batch is 1. */
static GArray *
add_articles (RwbProject *p, guint from, guint to, guint batch)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint k = from; k < to; k += batch)
    {
      guint n = MIN (batch, to - k);
      g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (texts, article (k + i));
      g_ptr_array_add (texts, NULL);
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) items = rwb_import_texts (lexicon (), (const char *const *) texts->pdata,
                                                      NULL, 0, NULL, NULL, NULL, NULL, &error);
      check (items != NULL, error);
      check (rwb_project_add_articles (p, items, NULL, &error), error);
      double seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (times, seconds);
    }
  return times;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return times->len ? g_array_index (times, double, times->len / 2) : 0;
}

static guint
n_articles (RwbProject *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = rwb_project_list_articles (p, FALSE, &error);
  check (list != NULL, error);
  return list->len;
}

static void
generate (const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = rwb_project_create (path, &error);
  check (p != NULL, error);
  g_autoptr (GArray) t = add_articles (p, 0, n, 500);
  /* A few corrections, as an analyst makes them. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *a = company (i * 7, FALSE), *b = company (i * 7, TRUE);
      g_autoptr (RwbCorrection) c = rwb_correction_new (RWB_CORRECTION_MERGE, a, b);
      check (rwb_project_correct (p, c, &error) > 0, error);
    }
  check (rwb_project_close (p, &error), error);
}

static double
open_once (const char *path, gboolean quiet)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = rwb_project_open (path, 0, &error);
  check (p != NULL, error);
  g_autoptr (RwbGraph) g = rwb_project_load_corrected_graph (p, NULL, &error);
  check (g != NULL, error);
  g_autoptr (GHashTable) positions = rwb_project_get_positions (p, &error);
  check (positions != NULL, error);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  if (!quiet)
    printf ("open %s: %.3f s (%u articles, %u entities, %u relations)\n", path, seconds,
            g->documents->len, g->entities->len, g->relations->len);
  return seconds;
}

static double
add_median (const char *path, guint n, guint *size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = rwb_project_open (path, 0, &error);
  check (p != NULL, error);
  *size = n_articles (p);
  /* New articles: numbered after every generated one. */
  g_autoptr (GArray) times = add_articles (p, 1000000 + *size, 1000000 + *size + n, 1);
  return median (times);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "generate"))
    {
      generate (argv[2], (guint) atoi (argv[3]));
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "open"))
    {
      open_once (argv[2], FALSE);
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "add"))
    {
      guint size;
      double m = add_median (argv[2], (guint) atoi (argv[3]), &size);
      printf ("add one article at %u articles: median %.2f ms\n", size, m * 1000);
      return 0;
    }
  if (argc != 1)
    {
      fprintf (stderr, "usage: bench-project [generate P N | open P | add P N]\n");
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-bench-XXXXXX", &error);
  check (dir != NULL, error);
  g_autofree char *small = g_build_filename (dir, "p100.rawabit", NULL);
  g_autofree char *large = g_build_filename (dir, "p10000.rawabit", NULL);
  gint64 start = g_get_monotonic_time ();
  generate (small, 100);
  generate (large, 10000);
  printf ("generated 100 and 10,000 articles in %.1f s\n",
          (g_get_monotonic_time () - start) / 1e6);
  g_autoptr (GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 5; i++)
    {
      double t = open_once (large, i > 0);
      g_array_append_val (opens, t);
    }
  printf ("open 10,000 articles: median of 5 %.3f s\n", median (opens));
  guint size;
  double at_small = add_median (small, 50, &size);
  printf ("add one article at %u articles: median %.2f ms\n", size, at_small * 1000);
  double at_large = add_median (large, 50, &size);
  printf ("add one article at %u articles: median %.2f ms\n", size, at_large * 1000);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
  return system (rm) == 0 ? 0 : 1;
}
