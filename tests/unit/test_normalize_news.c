/*
 * Unit tests for the normalizer's news rules (round 2): one test per rule,
 * run through normalizer_run with the real YAML data (pronunciations/en/
 * rules, from $NARRATE_DATADIR or the repository root under `make unit`).
 * Each test also checks the case the rule must leave alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "normalize.h"

#include <stdlib.h>
#include <string.h>

#include "normalize_fixture.h"

static void test_counted_millions(void **s)
{
	(void)s;
	say("a loss of 27.2m euros", "a loss of twenty seven point two million euros");
	say("some 18m people", "some eighteen million people");
	say("the 60m hurdles", "the sixty meter hurdles");
	say("she ran 60m in", "she ran sixty meters in");
	say("a 5m drop.", "a five meter drop.");
}

static void test_scores(void **s)
{
	(void)s;
	say("they drew 1-1", "they drew one - one");
	say("a 2-3 defeat", "a two - three defeat");
	say("won 4-6 6-3", "won four - six six - three");
	say("7-6 (4-7)", "seven - six (four - seven)");
	say("for 4-6 weeks", "for four to six weeks");
	say("between 4-6 people", "between four and six people");
}

static void test_day_spans(void **s)
{
	(void)s;
	say("from 4-6 March", "from the fourth to the sixth of March");
	say("the 10-12 June 2005 talks", "the tenth to the twelfth of June two thousand five talks");
	say("on May 5-6.", "on May fifth to sixth.");
	say("on 40-42 March", "on forty to forty two March");
}

static void test_year_spans(void **s)
{
	(void)s;
	say("the 2004/05 season", "the two thousand four to two thousand five season");
	say("in 1998/99", "in nineteen ninety eight to ninety nine");
	say("the 2003-2004 budget", "the two thousand three to two thousand four budget");
	say("2005/04 was", "2005/04 was");
}

static void test_odds(void **s)
{
	(void)s;
	say("the 5/2 favourite", "the five to two favourite");
	say("odds of 10/1 on", "odds of ten to one on");
	say("about 3/4 of them", "about three quarters of them");
}

static void test_models_and_codes(void **s)
{
	(void)s;
	say("an A380 jet", "an A three eighty jet");
	say("the A300s", "the A three hundreds");
	say("a W800 phone", "a W eight hundred phone");
	say("on ITV1", "on I.T.V. one");
	say("FM2005", "F.M. two thousand five");
	say("the Boeing 747 fleet", "the Boeing seven forty seven fleet");
	say("In Iraq 150 people", "In Iraq one hundred fifty people");
	say("the Fiat 500", "the Fiat five hundred");
	say("G8 talks", "G8 talks");
	say("the over-55s", "the over fifty fives");
	say("the 4x100m relay", "the four by one hundred meters relay");
	say("25 x 7 m", "twenty five by seven meters");
}

static void test_addresses(void **s)
{
	(void)s;
	say("at 1428 Elm St. It was", "at fourteen twenty eight Elm Street. It was");
	say("708 N 1st St, San Jose, CA 95112",
	    "seven oh eight North first Street, San Jose, California nine five one one two");
	say("Miami, FL, 33101", "Miami, Florida, three three one zero one");
	say("300 Wall Street bankers", "three hundred Wall Street bankers");
	say("he said, OK.", "he said, O.K.");
}

static void test_titles_and_saints(void **s)
{
	(void)s;
	say("Prof Smith", "professor Smith");
	say("the Prof said", "the Prof said");
	say("at No 10", "at number ten");
	say("Chalfont St Giles", "Chalfont saint Giles");
	say("Downing St said", "Downing street said");
	say("in January. Then", "in January. Then");
	say("the Sun. Then", "the Sun. Then");
	say("Grade C", "Grade C");
}

static void test_capitals(void **s)
{
	(void)s;
	say("AT&T and M&S", "A.T. and T. and M. and S.");
	say("we will NOT", "we will NOT");
	say("the IMF", "the I.M.F.");
}

static void test_zoned_times(void **s)
{
	(void)s;
	say("at 1900 GMT", "at nineteen hundred G.M.T.");
	say("at 0830 BST", "at oh eight thirty B.S.T.");
	say("at 1900 people", "at nineteen hundred people");
	say("2575 GMT", "two thousand five hundred seventy five G.M.T.");
}

static void test_money_adjective(void **s)
{
	(void)s;
	say("an $11bn fraud", "an eleven billion dollar fraud");
	say("a £5 note", "a five pound note");
	say("the $3bn was", "the three billion dollars was");
	say("it cost $5 more", "it cost five dollars more");
	say("a $30-35 range", "a thirty to thirty five dollars range");
}

static void test_phones_and_quarters(void **s)
{
	(void)s;
	say("call 0800 123 4567", "call zero eight zero zero, one two three, four five six seven");
	say("in 2004 100 people", "in two thousand four one hundred people");
	say("in 3Q04", "in the third quarter of oh four");
	say("ran 3:49.78", "ran three minutes forty nine point seven eight seconds");
}

static void test_glued_punctuation(void **s)
{
	(void)s;
	say("12,again", "twelve, again");
	say("NO?17", "NO? seventeen");
	say("1,250", "one thousand two hundred fifty");
	say("(2014).and", "(twenty fourteen). and");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counted_millions),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_day_spans),
		cmocka_unit_test(test_year_spans),
		cmocka_unit_test(test_odds),
		cmocka_unit_test(test_models_and_codes),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_titles_and_saints),
		cmocka_unit_test(test_capitals),
		cmocka_unit_test(test_zoned_times),
		cmocka_unit_test(test_money_adjective),
		cmocka_unit_test(test_phones_and_quarters),
		cmocka_unit_test(test_glued_punctuation),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
