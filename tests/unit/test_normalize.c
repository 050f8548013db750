/*
 * Unit tests for the normalizer: one test per rule, run through
 * normalizer_run with the real YAML data (pronunciations/en/rules, read from
 * $NARRATE_DATADIR or the current directory, the repository root under
 * `make unit`), plus the data loader's errors and --explain lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag.h"
#include "normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "normalize_fixture.h"

static void test_cardinal_decimal(void **s)
{
	(void)s;
	say("1,250,000 people", "one million two hundred fifty thousand people");
	say("It fell to -5.", "It fell to minus five.");
	say("a 2.05 rise", "a two point zero five rise");
	say("code 004", "code zero zero four");
	say("some 1.5bn people", "some one point five billion people");
	say("a 4G network", "a four G network");
}

static void test_year_decade(void **s)
{
	(void)s;
	say("in 1917", "in nineteen seventeen");
	say("in 2008", "in two thousand eight");
	say("in 2022,", "in twenty twenty two,");
	say("the 1990s and '80s", "the nineteen nineties and eighties");
	say("340 AD", "three forty A.D.");
	say("2,000 people", "two thousand people");
}

static void test_ordinal(void **s)
{
	(void)s;
	say("21st place", "twenty first place");
	say("a 19th-century church", "a nineteenth century church");
	say("1,000th visitor", "one thousandth visitor");
}

static void test_money(void **s)
{
	(void)s;
	say("$5.2 billion", "five point two billion dollars");
	say("$1.13bn", "one point one three billion dollars");
	say("£600m", "six hundred million pounds");
	say("€3.5bn", "three point five billion euros");
	say("$81.50", "eighty one dollars fifty cents");
	say("$1", "one dollar");
	say("$0.05", "five cents");
	say("¥30 b", "thirty billion yen");
	say("US$76 trillion", "seventy six trillion US dollars");
	say("$20/mo", "twenty dollars per month");
	say("₸500", "five hundred tenge");
}

static void test_dates(void **s)
{
	(void)s;
	say("on 2022-06-19", "on June nineteenth twenty twenty two");
	say("on 19 June 2022", "on the nineteenth of June twenty twenty two");
	say("on June 19, 2022", "on June nineteenth twenty twenty two");
	say("on Jan. 5", "on January fifth");
	say("on 10 Nov. at", "on the tenth of November at");
	say("on the 26th May", "on the twenty sixth of May");
	say("15.01.2020", "the fifteenth of January twenty twenty");
	say("2022-13-45", "two zero two two, one three, four five");
}

static void test_times(void **s)
{
	(void)s;
	say("at 7:45 a.m. today", "at seven forty five a.m. today");
	say("at 14:30", "at fourteen thirty");
	say("at 06:09:38", "at six hours nine minutes and thirty eight seconds");
	say("at 9am", "at nine a.m.");
	say("at 10:00", "at ten o'clock");
	say("at 7:05 pm", "at seven oh five p.m.");
	say("won 2:1", "won two to one");
}

static void test_measures(void **s)
{
	(void)s;
	say("16 ℃", "sixteen degrees Celsius");
	say("1°C", "one degree Celsius");
	say("12kg", "twelve kilograms");
	say("1 km", "one kilometer");
	say("90 km/h", "ninety kilometers per hour");
	say("a 5-km race", "a five kilometer race");
	say("600 MW", "six hundred megawatts");
	say("10%", "ten percent");
	say("highs of 25C", "highs of twenty five degrees Celsius");
}

static void test_fractions(void **s)
{
	(void)s;
	say("1/2", "one half");
	say("3/4", "three quarters");
	say("2/3", "two thirds");
	say("½", "one half");
	say("2 1/2 cups", "two and a half cups");
	say("4 1/2 lbs", "four and a half pounds");
}

static void test_ranges(void **s)
{
	(void)s;
	say("2019–2022", "twenty nineteen to twenty twenty two");
	say("10-15%", "ten to fifteen percent");
	say("1960-80", "nineteen sixty to eighty");
	say("$250-$300", "two hundred fifty dollars to three hundred dollars");
	say("won 3-1", "won three - one");
	say("between 2019-2022", "between twenty nineteen and twenty twenty two");
	say("1980-1990 kg", "one thousand nine hundred eighty to one thousand nine hundred "
	    "ninety kilograms");
}

static void test_roman(void **s)
{
	(void)s;
	say("Nicholas II", "Nicholas the second");
	say("Henry V", "Henry the fifth");
	say("World War I", "World War one");
	say("Chapter IV", "Chapter four");
	say("Sam and I", "Sam and I");
	say("Malcolm X", "Malcolm X");
	say("Nicholas MIX", "Nicholas M.I.X.");
}

static void test_abbreviations(void **s)
{
	(void)s;
	say("Mr. Smith and Mrs. Smith", "mister Smith and misses Smith");
	say("Elm St. is near St. Paul", "Elm street is near saint Paul");
	say("No. 5", "number five");
	say("e.g. this", "for example this");
	say("Acme Inc. said", "Acme incorporated said");
	say("dr. Evil", "dr. Evil");
	say("No, 5 came", "No, five came");
	say("open 24/7", "open twenty four seven");
}

static void test_initialisms(void **s)
{
	(void)s;
	say("the EU and the UK", "the E.U. and the U.K.");
	say("NATO and OPEC", "Nato and Opec");
	say("the U.S. and", "the U.S. and");
	say("the XYZ firm", "the X.Y.Z. firm");
	say("the EU's plan", "the E.U.'s plan");
	say("BREAKING NEWS TODAY", "BREAKING NEWS TODAY");
}

static void test_electronic(void **s)
{
	(void)s;
	say("press@example.com", "press at example dot com");
	say("see Wenhui.com now", "see Wenhui dot com now");
	say("https://bbc.co.uk/news", "H T T P S colon slash slash bbc dot co dot U K slash news");
	say("#Ukraine and @newsdesk", "hashtag Ukraine and at newsdesk");
	say("the end.Next", "the end.Next");
}

static void test_telephone(void **s)
{
	(void)s;
	say("555-123-4567", "five five five, one two three, four five six seven");
	say("+1 (202) 555-0143",
	    "plus one, two zero two, five five five, zero one four three");
	say("10.0.0.1", "one zero dot zero dot zero dot one");
}

static void test_symbols_and_repair(void **s)
{
	(void)s;
	say("salt & pepper", "salt and pepper");
	say("#5 seed", "number five seed");
	say("pro -Russian", "pro-Russian");
	say("EU -Asian", "E.U.-Asian");
	say("two -code", "two-code");
	say("a test -", "a test -");
	say("1-2=5", "one minus two equals five");
}

static void test_bad_input(void **s)
{
	(void)s;
	struct buf in = BUF_INIT, out = BUF_INIT;
	for (int i = 0; i < 10000; i++)
		buf_addc(&in, (char)('0' + i % 10));
	buf_adds(&in, " %%%% $$$ 2022-13-45 \xf0\x9f\x98\x80 \xd7\xa9\xd7\x9c e\xcc\x81 [[x]]");
	normalizer_run(nz, in.data, in.len, &out, NULL);
	assert_non_null(strstr(out.data, "nine zero one"));
	assert_non_null(strstr(out.data, "%%%% $$$"));
	assert_null(strstr(out.data, "[["));
	assert_null(strchr(out.data, '\n'));
	buf_release(&in);
	buf_release(&out);
}

static void test_explain(void **s)
{
	(void)s;
	struct buf out = BUF_INIT, why = BUF_INIT;
	const char *in = "Sen. Smith paid $5 in the U.S.";
	normalizer_run(nz, in, strlen(in), &out, &why);
	assert_non_null(strstr(why.data, "Sen.\tsenator\t"));
	assert_non_null(strstr(why.data, "abbreviations.yaml:"));
	assert_non_null(strstr(why.data, "$5\tfive dollars\tmoney\n"));
	assert_null(strstr(why.data, "U.S.\t"));     /* unchanged tokens are not listed */
	buf_release(&out);
	buf_release(&why);
}

/* Data, not code: a new abbreviation needs only a YAML file. */
static void test_user_data(void **s)
{
	(void)s;
	char dir[] = "/tmp/tn-unit-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct buf p = BUF_INIT, out = BUF_INIT;
	buf_addf(&p, "%s/pronunciations", dir);
	mkdir(p.data, 0700);
	buf_adds(&p, "/en");
	mkdir(p.data, 0700);
	buf_adds(&p, "/rules");
	mkdir(p.data, 0700);
	buf_adds(&p, "/mine.yaml");
	FILE *f = fopen(p.data, "w");
	assert_non_null(f);
	fputs("abbreviations:\n  Gaz.: Gazette\n", f);
	fclose(f);
	struct normalizer *mine = normalizer_new(dir, "en");
	assert_non_null(mine);
	normalizer_run(mine, "the Gaz. said", 13, &out, NULL);
	assert_string_equal(out.data, "the Gazette said");
	normalizer_free(mine);
	/* a malformed file is an error with its position */
	f = fopen(p.data, "w");
	fputs("abbreviations:\n  Gaz.: Gazette\nnonsense: [a]\n", f);
	fclose(f);
	diag_quiet = true;
	assert_null(normalizer_new(dir, "en"));
	unlink(p.data);
	buf_release(&p);
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cardinal_decimal),
		cmocka_unit_test(test_year_decade),
		cmocka_unit_test(test_ordinal),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_fractions),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_roman),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_initialisms),
		cmocka_unit_test(test_electronic),
		cmocka_unit_test(test_telephone),
		cmocka_unit_test(test_symbols_and_repair),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_user_data),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
