/*
 * pls: W3C PLS 1.0 import and export with libxml2 (see pls.h).
 *
 * Import reads with the network off and entities left unexpanded (no XXE,
 * no entity bombs), walks <lexeme> elements and writes YAML; every value is
 * written double-quoted, so nothing in a PLS file can change the YAML's
 * structure.  Export builds the tree with libxml2, which does the escaping.
 */
#include "pls.h"

#include "diag.h"
#include "lexicon.h"
#include "lexicon_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <string.h>

#define PLS_NS "http://www.w3.org/2005/01/pronunciation-lexicon"
#define ESPEAK_ALPHABET "x-espeak-ng"

/* Appends s as a double-quoted YAML scalar. */
static void yaml_quoted(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_addf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			buf_addf(out, "\\x%02x", c);
		else
			buf_addc(out, (char)c);
	}
	buf_addc(out, '"');
}

static bool named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The element's text with surrounding white space trimmed (caller frees). */
static char *text_of(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *s = t ? (const char *)t : "";
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	size_t len = strlen(s);
	while (len && strchr(" \n\t\r", s[len - 1]))
		len--;
	char *r = xstrndup(s, len);
	xmlFree(t);
	return r;
}

/* The alphabet a <phoneme> is in: its own attribute, else the lexicon's. */
static char *alphabet_of(const xmlNode *ph, const char *dflt)
{
	xmlChar *a = xmlGetProp(ph, (const xmlChar *)"alphabet");
	char *r = xstrdup(a ? (const char *)a : dflt);
	xmlFree(a);
	return r;
}

struct lexeme {
	const xmlNode *graphemes[LEXICON_MAX_WORDS * 4];
	size_t n_graphemes;
	char *say, *ipa, *mnemonics;
};

static void lexeme_release(struct lexeme *lx)
{
	free(lx->say);
	free(lx->ipa);
	free(lx->mnemonics);
}

static void collect(const xmlNode *lexeme, const char *dflt, struct lexeme *le)
{
	for (const xmlNode *c = lexeme->children; c; c = c->next) {
		if (named(c, "grapheme") && le->n_graphemes < sizeof(le->graphemes) / sizeof(le->graphemes[0]))
			le->graphemes[le->n_graphemes++] = c;
		else if (named(c, "alias") && !le->say)
			le->say = text_of(c);
		else if (named(c, "phoneme")) {
			char *alpha = alphabet_of(c, dflt);
			if (!strcmp(alpha, ESPEAK_ALPHABET) && !le->mnemonics)
				le->mnemonics = text_of(c);
			else if (!strcmp(alpha, "ipa") && !le->ipa)
				le->ipa = text_of(c);
			free(alpha);
		}
	}
}

/* Writes one lexeme as a YAML entry; returns -1 after reporting. */
static int import_lexeme(const char *path, const xmlNode *node, const char *dflt,
			 struct lexicon *lx, struct buf *yaml)
{
	struct lexeme le = { 0 };
	struct buf tmp = BUF_INIT;
	const char *why = NULL;
	int rc = 0;
	collect(node, dflt, &le);
	size_t bad;
	if (!le.n_graphemes)
		rc = error("%s:%ld: a lexeme without a grapheme", path, xmlGetLineNo(node));
	else if (!le.say && !le.ipa && !le.mnemonics)
		rc = error("%s:%ld: a lexeme with neither an alias nor an IPA or %s phoneme",
			   path, xmlGetLineNo(node), ESPEAK_ALPHABET);
	else if (!*(le.mnemonics ? le.mnemonics : le.ipa ? le.ipa : le.say))
		rc = error("%s:%ld: an empty pronunciation", path, xmlGetLineNo(node));
	else if (!le.mnemonics && le.ipa && lexicon_ipa_to_phonemes(lx, le.ipa, &tmp, &bad) < 0)
		rc = error("%s:%ld: unknown IPA symbol in '%s'", path, xmlGetLineNo(node), le.ipa);
	for (size_t i = 0; rc == 0 && i < le.n_graphemes; i++) {
		char *g = text_of(le.graphemes[i]);
		if (!lexicon_key_ok(g, strlen(g), &why))
			rc = error("%s:%ld: grapheme '%s' %s", path, xmlGetLineNo(le.graphemes[i]),
				   g, why);
		free(g);
	}
	if (rc == 0) {
		char *key = text_of(le.graphemes[0]);
		yaml_quoted(yaml, key);
		free(key);
		buf_adds(yaml, ":\n  ");
		buf_adds(yaml, le.mnemonics ? "phonemes: " : le.ipa ? "ipa: " : "say: ");
		yaml_quoted(yaml, le.mnemonics ? le.mnemonics : le.ipa ? le.ipa : le.say);
		buf_addc(yaml, '\n');
		for (size_t i = 1; i < le.n_graphemes; i++) {
			char *g = text_of(le.graphemes[i]);
			buf_adds(yaml, i == 1 ? "  aliases:\n    - " : "    - ");
			yaml_quoted(yaml, g);
			buf_addc(yaml, '\n');
			free(g);
		}
	}
	buf_release(&tmp);
	lexeme_release(&le);
	return rc;
}

static xmlDoc *read_pls(const char *path)
{
	xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
				  XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		const char *msg = e && e->message ? e->message : "not XML";
		error("%s:%d: %.*s", path, e ? e->line : 0, (int)strcspn(msg, "\n"), msg);
		return NULL;
	}
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !named(root, "lexicon") || !root->ns ||
	    strcmp((const char *)root->ns->href, PLS_NS)) {
		error("%s: not a PLS 1.0 lexicon (root <lexicon> in namespace %s)", path, PLS_NS);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

int pls_import(const char *path, struct lexicon *lx, struct buf *yaml)
{
	xmlDoc *doc = read_pls(path);
	if (!doc)
		return -1;
	xmlNode *root = xmlDocGetRootElement(doc);
	char *dflt = alphabet_of(root, "ipa");
	int rc = 0;
	buf_addf(yaml, "# Imported by `narrate lexicon import` from %s\n", path);
	for (const xmlNode *n = root->children; n; n = n->next)
		if (named(n, "lexeme") && import_lexeme(path, n, dflt, lx, yaml) < 0)
			rc = -1;
	free(dflt);
	xmlFreeDoc(doc);
	return rc;
}

struct export_ctx {
	struct lexicon *lx;
	xmlNode *root;
	xmlNs *ns;
	struct lex_table owners;  /* entry address -> index into lexemes */
	xmlNode **lexemes;
	size_t n, cap;
	int rc;
};

/* The <lexeme> made for entry e; NULL with *slot ready to fill if none. */
static xmlNode *lexeme_for(struct export_ctx *x, const struct lexicon_info *e,
			   struct lex_slot **slot)
{
	const char *k = (const char *)&e;
	uint64_t h = lexicon_hash(k, sizeof(e));
	*slot = lex_table_slot(&x->owners, k, sizeof(e), h);
	if ((*slot)->key)
		return x->lexemes[(*slot)->maxwords];
	(*slot)->key = xmalloc(sizeof(e));
	memcpy((*slot)->key, k, sizeof(e));
	(*slot)->klen = sizeof(e);
	(*slot)->hash = h;
	x->owners.n++;
	return NULL;
}

static void add_pronunciation(struct export_ctx *x, xmlNode *lexeme, const struct lexicon_info *e)
{
	if (!e->phonemes) {
		xmlNewTextChild(lexeme, x->ns, (const xmlChar *)"alias", (const xmlChar *)e->value);
		return;
	}
	struct buf ipa = BUF_INIT;
	if (e->ipa)
		buf_adds(&ipa, e->ipa);
	else if (lexicon_phonemes_to_ipa(x->lx, e->phonemes, &ipa) < 0)
		x->rc = -1;
	xmlNewTextChild(lexeme, x->ns, (const xmlChar *)"phoneme",
			(const xmlChar *)(ipa.data ? ipa.data : ""));
	xmlNode *ph = xmlNewTextChild(lexeme, x->ns, (const xmlChar *)"phoneme",
				      (const xmlChar *)e->phonemes);
	xmlNewProp(ph, (const xmlChar *)"alphabet", (const xmlChar *)ESPEAK_ALPHABET);
	buf_release(&ipa);
}

static void export_one(const struct lexicon_info *e, void *ctx)
{
	struct export_ctx *x = ctx;
	const struct lexicon_info *owner = e->target ? e->target : e;
	while (owner->target)
		owner = owner->target;
	struct lex_slot *slot;
	xmlNode *lexeme = lexeme_for(x, owner, &slot);
	if (!lexeme) {
		lexeme = xmlNewChild(x->root, x->ns, (const xmlChar *)"lexeme", NULL);
		if (x->n == x->cap) {
			x->cap = x->cap ? x->cap * 2 : 64;
			x->lexemes = xrealloc(x->lexemes, x->cap * sizeof(*x->lexemes));
		}
		slot->maxwords = (unsigned)x->n;
		x->lexemes[x->n++] = lexeme;
		xmlNewTextChild(lexeme, x->ns, (const xmlChar *)"grapheme",
				(const xmlChar *)owner->key);
		add_pronunciation(x, lexeme, owner);
	}
	if (e != owner) {
		/* graphemes come before the pronunciations */
		xmlNode *last = lexeme->children;
		while (last->next && named(last->next, "grapheme"))
			last = last->next;
		xmlNode *g = xmlNewNode(x->ns, (const xmlChar *)"grapheme");
		xmlNodeAddContent(g, (const xmlChar *)e->key);
		xmlAddNextSibling(last, g);
	}
}

int pls_export(struct lexicon *lx, struct buf *xml)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	struct export_ctx x = { .lx = lx };
	x.root = xmlNewNode(NULL, (const xmlChar *)"lexicon");
	x.ns = xmlNewNs(x.root, (const xmlChar *)PLS_NS, NULL);
	xmlSetNs(x.root, x.ns);
	xmlNewProp(x.root, (const xmlChar *)"version", (const xmlChar *)"1.0");
	xmlNewProp(x.root, (const xmlChar *)"alphabet", (const xmlChar *)"ipa");
	xmlNodeSetLang(x.root, (const xmlChar *)"en-US");
	xmlDocSetRootElement(doc, x.root);
	lexicon_each(lx, export_one, &x);
	xmlChar *mem = NULL;
	int size = 0;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	if (mem)
		buf_add(xml, mem, (size_t)size);
	else
		x.rc = error("cannot write the PLS document");
	xmlFree(mem);
	xmlFreeDoc(doc);
	free(x.lexemes);
	for (size_t i = 0; i < x.owners.cap; i++)
		free(x.owners.slots[i].key);
	free(x.owners.slots);
	return x.rc;
}
