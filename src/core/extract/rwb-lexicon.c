/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-lexicon.c — loads the entity lexicon, relation triggers and cue words.
 *
 * Every alias and phrase is cut into tokens and keys exactly as article text is, so lookup is a
 * hash probe per candidate phrase, longest first.
 */
#define G_LOG_DOMAIN "rawabit-lexicon"

#include "rwb-core-resources.h"
#include "rwb-lexicon-private.h"
#include "rwb-text.h"

#include <glib/gi18n.h>
#include <string.h>

#define RESOURCE_ROOT "/io/github/rawabit/core/"

static void
entry_free (gpointer data)
{
  RwbLexEntry *e = data;
  g_free (e->name);
  g_free (e->arabic);
  g_free (e->origin);
  g_free (e);
}

static void
trigger_free (gpointer data)
{
  RwbTrigger *t = data;
  g_strfreev (t->tokens);
  g_free (t->text);
  g_free (t->origin);
  g_free (t);
}

static void
word_info_free (gpointer data)
{
  RwbWordInfo *info = data;
  g_clear_pointer (&info->triggers, g_ptr_array_unref);
  g_free (info);
}

static RwbWordInfo *
word_info (RwbLexicon *lex, const char *word)
{
  RwbWordInfo *info = g_hash_table_lookup (lex->words, word);
  if (info == NULL)
    {
      info = g_new0 (RwbWordInfo, 1);
      g_hash_table_insert (lex->words, g_strdup (word), info);
    }
  return info;
}

/**
 * rwb_lexicon_word:
 * What the lexicon knows of one word (phrases, cues and triggers starting with it), or NULL.
 */
const RwbWordInfo *
rwb_lexicon_word (RwbLexicon *lexicon, const char *word)
{
  return g_hash_table_lookup (lexicon->words, word);
}

/**
 * rwb_lexicon_new_empty:
 * An empty lexicon, for tests and for building one file by file.
 */
RwbLexicon *
rwb_lexicon_new_empty (void)
{
  RwbLexicon *lex = g_new0 (RwbLexicon, 1);
  lex->entries = g_ptr_array_new_with_free_func (entry_free);
  lex->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  lex->triggers = g_ptr_array_new_with_free_func (trigger_free);
  lex->prefix_triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  lex->cues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_info_free);
  lex->common_blocks = g_ptr_array_new_with_free_func (g_free);
  lex->common_words = g_ptr_array_new ();
  return lex;
}

/**
 * rwb_lexicon_free:
 * Frees the lexicon.
 */
void
rwb_lexicon_free (RwbLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  g_hash_table_unref (lexicon->prefix_triggers);
  g_ptr_array_unref (lexicon->triggers);
  g_hash_table_unref (lexicon->phrases);
  g_hash_table_unref (lexicon->cues);
  g_hash_table_unref (lexicon->words);
  g_ptr_array_unref (lexicon->common_words);
  g_ptr_array_unref (lexicon->common_blocks);
  g_ptr_array_unref (lexicon->entries);
  g_free (lexicon);
}

/**
 * rwb_lexicon_n_entries:
 * Number of entities in the lexicon.
 */
guint
rwb_lexicon_n_entries (RwbLexicon *lexicon)
{
  return lexicon->entries->len;
}

/**
 * rwb_lexicon_n_triggers:
 * Number of relation trigger phrases.
 */
guint
rwb_lexicon_n_triggers (RwbLexicon *lexicon)
{
  return lexicon->triggers->len;
}

/**
 * rwb_lexicon_tokenize_keys:
 * Token keys of @text (ICU words, matching form, article dropped), as a string array.
 */
GPtrArray *
rwb_lexicon_tokenize_keys (const char *text)
{
  return rwb_lexicon_tokenize (text, TRUE);
}

/**
 * rwb_lexicon_tokenize:
 * Tokens of @text in matching form; with @keys also without a leading article.
 */
GPtrArray *
rwb_lexicon_tokenize (const char *text, gboolean keys_form)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  gsize len = strlen (text);
  g_autoptr (GArray) words = rwb_text_words (text, 0, len, 0, NULL);
  for (guint i = 0; words && i < words->len; i++)
    {
      RwbTextSpan *w = &g_array_index (words, RwbTextSpan, i);
      g_autofree char *form = rwb_text_match_form (text + w->bstart, w->bend - w->bstart);
      if (*form)
        g_ptr_array_add (keys, keys_form ? rwb_text_key_form (form) : g_strdup (form));
    }
  return keys;
}

static char *
join_keys (GPtrArray *keys)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      if (i)
        g_string_append_c (s, ' ');
      g_string_append (s, g_ptr_array_index (keys, i));
    }
  return g_string_free (s, FALSE);
}

static gboolean
has_latin (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isalpha (*s))
      return TRUE;
  return FALSE;
}

static gboolean
has_arabic (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);
      if (c >= 0x0600 && c <= 0x06FF)
        return TRUE;
    }
  return FALSE;
}

static void
add_phrase (RwbLexicon *lex, const char *alias, guint entry, RwbLexKind kind)
{
  g_autoptr (GPtrArray) keys = rwb_lexicon_tokenize_keys (alias);
  if (keys->len == 0)
    return;
  char *key = join_keys (keys);
  GArray *hits = g_hash_table_lookup (lex->phrases, key);
  if (hits == NULL)
    {
      hits = g_array_new (FALSE, FALSE, sizeof (RwbLexHit));
      g_hash_table_insert (lex->phrases, key, hits);
    }
  else
    g_free (key);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, RwbLexHit, i).entry == entry)
      {
        /* "STC" and "stc": the same key, and the lower-case spelling is accepted too. */
        g_array_index (hits, RwbLexHit, i).lower |= g_ascii_islower (alias[0]);
        return;
      }
  RwbLexHit hit = { entry, kind, has_latin (alias) && !has_arabic (alias),
                    g_ascii_islower (alias[0]) };
  g_array_append_val (hits, hit);
  lex->max_phrase = MAX (lex->max_phrase, keys->len);
  /* The longest phrase starting with this word: lookup then tries only the lengths that can
   * match, and skips at once the many words that start no phrase. */
  RwbWordInfo *info = word_info (lex, g_ptr_array_index (keys, 0));
  info->phrase_max = MAX (info->phrase_max, keys->len);
}

static gboolean
line_error (GError **error, const char *origin, guint line, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: line %u: %s"), origin, line,
               what);
  return FALSE;
}

static gboolean
load_entities (RwbLexicon *lex, const char *origin, char **lines, GError **error)
{
  for (guint n = 0; lines[n]; n++)
    {
      char *line = g_strchomp (lines[n]);
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) cols = g_strsplit (line, "\t", -1);
      guint ncols = g_strv_length (cols);
      RwbEntityType type;
      if (ncols < 2)
        return line_error (error, origin, n + 1, _("expected name<TAB>type<TAB>aliases…"));
      if (!rwb_entity_type_from_string (g_strstrip (cols[1]), &type))
        return line_error (error, origin, n + 1, _("unknown entity type"));
      RwbLexEntry *e = g_new0 (RwbLexEntry, 1);
      e->name = g_strdup (g_strstrip (cols[0]));
      e->type = type;
      e->origin = g_strdup_printf ("%s:%u", origin, n + 1);
      e->needs_cue = ncols > 4 && strstr (cols[4], "needs-cue") != NULL;
      e->media = ncols > 4 && strstr (cols[4], "media") != NULL;
      g_ptr_array_add (lex->entries, e);
      guint index = lex->entries->len - 1;
      add_phrase (lex, e->name, index, RWB_LEX_NAME);
      if (has_arabic (e->name))
        e->arabic = g_strdup (e->name);
      for (guint c = 2; c <= 3 && c < ncols; c++)
        {
          g_auto (GStrv) aliases = g_strsplit (cols[c], "|", -1);
          for (guint a = 0; aliases[a]; a++)
            {
              char *alias = g_strstrip (aliases[a]);
              if (*alias == '\0')
                continue;
              add_phrase (lex, alias, index, c == 2 ? RWB_LEX_NAME : RWB_LEX_ADJECTIVE);
              if (c == 2 && e->arabic == NULL && has_arabic (alias))
                e->arabic = g_strdup (alias);
            }
        }
    }
  return TRUE;
}

/**
 * rwb_lexicon_prefix_bucket:
 * The bucket key of prefix triggers: the first two characters of a word, in @buf.
 */
const char *
rwb_lexicon_prefix_bucket (const char *word, char buf[16])
{
  const char *p = word;
  for (guint i = 0; i < 2 && *p; i++)
    p = g_utf8_next_char (p);
  gsize n = MIN ((gsize) (p - word), 15);
  memcpy (buf, word, n);
  buf[n] = '\0';
  return buf;
}

static void
add_trigger_index (RwbLexicon *lex, RwbTrigger *t)
{
  const char *first = t->tokens[0];
  GPtrArray *list;
  /* Prefix triggers ("manufactur*") are bucketed by their first two characters, so a token
   * probes one bucket instead of testing every prefix. Prefixes are at least two long. */
  if (g_str_has_suffix (first, "*"))
    {
      char buf[16];
      rwb_lexicon_prefix_bucket (first, buf);
      list = g_hash_table_lookup (lex->prefix_triggers, buf);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (lex->prefix_triggers, g_strdup (buf), list);
        }
    }
  else
    {
      RwbWordInfo *info = word_info (lex, first);
      if (info->triggers == NULL)
        info->triggers = g_ptr_array_new ();
      list = info->triggers;
    }
  g_ptr_array_add (list, t);
}

static gboolean
load_triggers (RwbLexicon *lex, const char *origin, char **lines, GError **error)
{
  for (guint n = 0; lines[n]; n++)
    {
      char *line = g_strchomp (lines[n]);
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) cols = g_strsplit (line, "\t", -1);
      RwbRelationType type;
      if (g_strv_length (cols) < 2)
        return line_error (error, origin, n + 1, _("expected type<TAB>phrase<TAB>options"));
      if (!rwb_relation_type_from_string (g_strstrip (cols[0]), &type)
          || type == RWB_RELATION_MENTION)
        return line_error (error, origin, n + 1, _("unknown relation type"));
      RwbTrigger *t = g_new0 (RwbTrigger, 1);
      t->type = type;
      t->dir = RWB_TRIGGER_FORWARD;
      t->confidence = 0.7;
      t->text = g_strdup (g_strstrip (cols[1]));
      t->origin = g_strdup_printf ("%s:%u", origin, n + 1);
      if (cols[2])
        {
          g_auto (GStrv) opts = g_strsplit (cols[2], ",", -1);
          for (guint o = 0; opts[o]; o++)
            {
              char *opt = g_strstrip (opts[o]);
              if (g_str_equal (opt, "dir=backward"))
                t->dir = RWB_TRIGGER_BACKWARD;
              else if (g_str_equal (opt, "dir=forward"))
                t->dir = RWB_TRIGGER_FORWARD;
              else if (g_str_has_prefix (opt, "conf="))
                t->confidence = CLAMP (g_ascii_strtod (opt + 5, NULL), 0.05, 1.0);
              else if (g_str_has_prefix (opt, "near="))
                t->near = (guint) g_ascii_strtoull (opt + 5, NULL, 10);
              else if (g_str_equal (opt, "weak"))
                t->weak = TRUE;
              else if (*opt)
                {
                  trigger_free (t);
                  return line_error (error, origin, n + 1, _("unknown option"));
                }
            }
        }
      /* Tokens keep a trailing '*' (prefix match): tokenize each space-separated word alone
       * so the star is not lost to the word breaker. */
      g_auto (GStrv) words = g_strsplit_set (t->text, " ", -1);
      GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
      for (guint w = 0; words[w]; w++)
        {
          if (*words[w] == '\0')
            continue;
          gboolean star = g_str_has_suffix (words[w], "*");
          if (star && g_utf8_strlen (words[w], -1) < 3)
            {
              trigger_free (t);
              g_ptr_array_unref (tokens);
              return line_error (error, origin, n + 1, _("a prefix needs two letters before *"));
            }
          if (star)
            words[w][strlen (words[w]) - 1] = '\0';
          g_autoptr (GPtrArray) keys = rwb_lexicon_tokenize_keys (words[w]);
          for (guint k = 0; k < keys->len; k++)
            {
              const char *key = g_ptr_array_index (keys, k);
              gboolean last = k + 1 == keys->len;
              g_ptr_array_add (tokens, star && last ? g_strconcat (key, "*", NULL)
                                                    : g_strdup (key));
            }
        }
      if (tokens->len == 0)
        {
          g_ptr_array_unref (tokens);
          trigger_free (t);
          return line_error (error, origin, n + 1, _("empty trigger phrase"));
        }
      t->n_tokens = tokens->len;
      g_ptr_array_add (tokens, NULL);
      t->tokens = (char **) g_ptr_array_free (tokens, FALSE);
      g_ptr_array_add (lex->triggers, t);
      add_trigger_index (lex, t);
    }
  return TRUE;
}

static const struct {
  const char *name;
  RwbCueFlags flag;
} cue_names[] = {
  { "company", RWB_CUE_COMPANY },
  { "organization", RWB_CUE_ORGANIZATION },
  { "person", RWB_CUE_PERSON },
  { "coref-one", RWB_CUE_COREF_ONE },
  { "coref-two", RWB_CUE_COREF_TWO },
  { "clause", RWB_CUE_CLAUSE },
  { "stop", RWB_CUE_STOP },
  { "company-suffix", RWB_CUE_COMPANY_SUFFIX },
  { "locative", RWB_CUE_LOCATIVE },
  { "generic", RWB_CUE_GENERIC },
  { "particle", RWB_CUE_PARTICLE },
  { "object", RWB_CUE_OBJECT },
  { "speech", RWB_CUE_SPEECH },
  { "relative", RWB_CUE_RELATIVE },
  { "conjunction", RWB_CUE_CONJUNCTION },
  { "stake", RWB_CUE_STAKE },
  { "based", RWB_CUE_BASED },
  { "article", RWB_CUE_ARTICLE },
  { "led-by", RWB_CUE_LED_BY },
  { "organization-head", RWB_CUE_ORG_HEAD },
  { "given", RWB_CUE_GIVEN },
  { "given-weak", RWB_CUE_GIVEN_WEAK },
  { "legal-form", RWB_CUE_LEGAL_FORM },
  { "name-adjective", RWB_CUE_NAME_ADJECTIVE },
  { "bank", RWB_CUE_BANK },
  { "ordinary-adjective", RWB_CUE_ORDINARY_ADJECTIVE },
  { "facility", RWB_CUE_FACILITY },
  { "place-head", RWB_CUE_PLACE_HEAD },
  { "letter-name", RWB_CUE_LETTER_NAME },
  { "loanword", RWB_CUE_LOANWORD },
};

static int
compare_cstrings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* A list of common words, one lower-case word per line ("words-common-english.txt"). The list
 * is long (tens of thousands of words): it is kept as one block split in place and a sorted
 * array of pointers into it, searched by rwb_lexicon_common_word, rather than as cues. */
static gboolean
load_common_words (RwbLexicon *lex, const char *origin, const char *data, gsize length,
                   GError **error)
{
  char *block = g_strndup (data, length);
  g_ptr_array_add (lex->common_blocks, block);
  guint n = 0;
  gboolean sorted = TRUE;
  const char *prev = NULL;
  for (char *line = block; line && *line != '\0'; n++)
    {
      char *nl = strchr (line, '\n');
      if (nl)
        *nl = '\0';
      char *word = g_strstrip (line);
      line = nl ? nl + 1 : NULL;
      if (*word == '\0' || *word == '#')
        continue;
      for (const char *c = word; *c; c++)
        if (*c == ' ' || *c == '\t' || g_ascii_isupper (*c))
          return line_error (error, origin, n + 1, _("expected one word"));
      if (prev && strcmp (prev, word) >= 0)
        sorted = FALSE;
      g_ptr_array_add (lex->common_words, word);
      prev = word;
    }
  if (!sorted || lex->common_blocks->len > 1)
    g_ptr_array_sort (lex->common_words, compare_cstrings);
  return TRUE;
}

/**
 * rwb_lexicon_common_word:
 * Whether @key is in a common-words list: binary search, no allocation.
 */
gboolean
rwb_lexicon_common_word (RwbLexicon *lexicon, const char *key)
{
  guint lo = 0, hi = lexicon->common_words->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = strcmp (g_ptr_array_index (lexicon->common_words, mid), key);
      if (c == 0)
        return TRUE;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static gboolean
load_cues (RwbLexicon *lex, const char *origin, char **lines, GError **error)
{
  for (guint n = 0; lines[n]; n++)
    {
      char *line = g_strchomp (lines[n]);
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) cols = g_strsplit (line, "\t", 2);
      if (g_strv_length (cols) < 2)
        return line_error (error, origin, n + 1, _("expected class<TAB>phrase"));
      RwbCueFlags flag = 0;
      for (guint i = 0; i < G_N_ELEMENTS (cue_names); i++)
        if (g_str_equal (g_strstrip (cols[0]), cue_names[i].name))
          flag = cue_names[i].flag;
      if (flag == 0)
        return line_error (error, origin, n + 1, _("unknown cue class"));
      /* Cues keep the article: "الشركة" (that company) is not "شركة" (a company named …). */
      g_autoptr (GPtrArray) keys = rwb_lexicon_tokenize (g_strstrip (cols[1]), FALSE);
      if (keys->len == 0)
        continue;
      char *key = join_keys (keys);
      RwbCueFlags old = GPOINTER_TO_UINT (g_hash_table_lookup (lex->cues, key));
      g_hash_table_insert (lex->cues, key, GUINT_TO_POINTER (old | flag));
      lex->max_cue = MAX (lex->max_cue, keys->len);
      RwbWordInfo *info = word_info (lex, g_ptr_array_index (keys, 0));
      if (keys->len == 1)
        info->cue |= flag;
      else
        info->cue_max = MAX (info->cue_max, keys->len);
    }
  return TRUE;
}

/**
 * rwb_lexicon_add_data:
 * Loads one data file's text; what it holds is told by its name (see the header).
 */
gboolean
rwb_lexicon_add_data (RwbLexicon *lexicon, const char *origin, const char *data, gsize length,
                      GError **error)
{
  g_return_val_if_fail (lexicon != NULL && origin != NULL && data != NULL, FALSE);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not valid UTF-8"), origin);
      return FALSE;
    }
  g_autofree char *base = g_path_get_basename (origin);
  if (g_str_has_prefix (base, "words-common"))
    return load_common_words (lexicon, base, data, length, error);
  g_autofree char *copy = g_strndup (data, length);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
  if (g_str_has_prefix (base, "relations"))
    return load_triggers (lexicon, base, lines, error);
  if (g_str_has_prefix (base, "cues"))
    return load_cues (lexicon, base, lines, error);

  return load_entities (lexicon, base, lines, error);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static gboolean
add_resource_dir (RwbLexicon *lex, const char *dir, GError **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_ROOT, dir, "/", NULL);
  /* Through the resource object itself, not the global registry: that also keeps the linker
   * from dropping the resource data out of the static library. */
  GResource *resource = rwb_core_get_resource ();
  g_auto (GStrv) children = g_resource_enumerate_children (resource, path, 0, error);
  if (children == NULL)
    return FALSE;
  /* Sorted so the load order, and so ids and tie-breaks, never depend on the resource order. */
  qsort (children, g_strv_length (children), sizeof (char *), compare_strings);
  for (guint i = 0; children[i]; i++)
    {
      g_autofree char *file = g_strconcat (path, children[i], NULL);
      g_autoptr (GBytes) bytes = g_resource_lookup_data (resource, file, 0, error);
      if (bytes == NULL)
        return FALSE;
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      if (!rwb_lexicon_add_data (lex, children[i], data, size, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_user_dir (RwbLexicon *lex, const char *dir, GError **error)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return FALSE;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (d));)
    if (g_str_has_suffix (name, ".tsv"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize size;
      if (!g_file_get_contents (file, &data, &size, error)
          || !rwb_lexicon_add_data (lex, file, data, size, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * rwb_lexicon_new_default:
 * The shipped lexicon (compiled into the program) plus a user folder of *.tsv files.
 */
RwbLexicon *
rwb_lexicon_new_default (const char *extra_dir, GError **error)
{
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_empty ();
  if (!add_resource_dir (lex, "lexicon", error) || !add_resource_dir (lex, "patterns", error))
    return NULL;
  if (extra_dir && !add_user_dir (lex, extra_dir, error))
    return NULL;
  return g_steal_pointer (&lex);
}
