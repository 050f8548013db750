/*
 * tn_data: the words the normalizer's rules use, loaded from YAML.
 *
 * Every .yaml file in DATADIR/pronunciations/LANG/rules except sentences.yaml
 * (the sentence splitter's) is a map from a table name to that table's
 * entries; several files may fill the same table and a later file wins.  An
 * entry maps the written form to how it is said:
 *
 *   units:
 *     km: [kilometer, kilometers]          # singular, plural
 *   currencies:
 *     "£": {say: pound, plural: pounds, minor: penny, minor_plural: pence}
 *   abbreviations:
 *     "St.": {say: saint, after_name: street, after_number: street}
 *   initialisms_spelled: [EU, UK, IMF]     # a list: entries with no words
 *
 * A user adds an abbreviation by editing YAML; nothing is compiled.  Tables
 * marked case-insensitive (months, weekdays, units' fallback...) are looked
 * up folded to lower case.
 */
#ifndef NARRATE_TN_DATA_H
#define NARRATE_TN_DATA_H

#include <stddef.h>

enum tn_table {
	TN_ABBREVIATIONS,  /* "Mr." -> mister; contextual St. and No. */
	TN_SPELLED,        /* initialisms read letter by letter: EU, IMF */
	TN_WORDS,          /* all-caps words read as words: NATO, OPEC */
	TN_UNITS,          /* measures after a number: km, kg, MW, °C */
	TN_PER,            /* "per" units after a slash: mo, yr, hr */
	TN_CURRENCIES,     /* symbols and codes before an amount: $, £, US$ */
	TN_MAGNITUDES,     /* after an amount: bn, m, million */
	TN_MONTHS,         /* jan, january, sept (case-insensitive) */
	TN_WEEKDAYS,       /* mon, monday (case-insensitive) */
	TN_SYMBOLS,        /* &, +, =, §, × */
	TN_ROMAN_AFTER,    /* words after which a roman numeral is a cardinal */
	TN_REGNAL,         /* names after which "I", "V", "X" are regnal */
	TN_TLDS,           /* top-level domains that make a word a domain */
	TN_ELECTRONIC,     /* how parts of addresses are said: www, http, "/" */
	TN_SCORE_BEFORE,   /* words before "2-1" that make it a score: won, beat */
	TN_SCORE_AFTER,    /* words after it: win, victory, lead */
	TN_ODDS_BEFORE,    /* words before "5/2" that make it odds: odds */
	TN_ODDS_AFTER,     /* words after it: favourite, shot */
	TN_STREET_TYPES,   /* St, Ave, Rd after a house number and a name */
	TN_DIRECTIONS,     /* N, S, E, W inside an address */
	TN_US_STATES,      /* CA, NY after a comma in an address */
	TN_CAPS_WORDS,     /* AND, NOT: capitals for emphasis, not initialisms */
	TN_TIME_ZONES,     /* GMT, BST: "1900 GMT" is a clock time */
	TN_DETERMINERS,    /* "a", "the" before "$3bn deal" */
	TN_NOT_NOUNS,      /* words after an amount that are not its noun */
	TN_COUNTED,        /* nouns after "20m" that make m a million: euros, people */
	TN_NTABLES
};

struct tn_entry {
	const char *key;
	const char *say;            /* the spoken form (singular) */
	const char *plural;         /* or NULL */
	const char *minor;          /* currencies: "cent"; or NULL */
	const char *minor_plural;   /* or NULL */
	const char *before_number;  /* abbreviations: when a number follows */
	const char *after_name;     /* when a capitalized word comes before */
	const char *after_number;   /* when a number comes before */
	const char *before_name;    /* when a capitalized word follows ("Prof Smith") */
	const char *where;          /* "file:line", for --explain */
};

struct tn_data;

/* Loads the tables from dir (DATADIR/pronunciations/LANG/rules).  A missing
 * directory gives empty tables; a malformed file is reported as
 * file:line:col and gives NULL.  Free with tn_data_free. */
struct tn_data *tn_data_load(const char *dir);
void tn_data_free(struct tn_data *d);
/* The entry for key[0..len) in table t, or NULL. */
const struct tn_entry *tn_data_get(const struct tn_data *d, enum tn_table t,
				   const char *key, size_t len);

#endif
