/*
 * Unit tests for tn_numbers: cardinals, ordinals, years, digits, decimals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tn_numbers.h"

#include <string.h>

static void check(void (*fn)(struct buf *, const char *, size_t), const char *in,
		  const char *want)
{
	struct buf b = BUF_INIT;
	fn(&b, in, strlen(in));
	assert_string_equal(b.data ? b.data : "", want);
	buf_release(&b);
}

static void test_cardinal(void **state)
{
	(void)state;
	check(tn_cardinal, "0", "zero");
	check(tn_cardinal, "7", "seven");
	check(tn_cardinal, "19", "nineteen");
	check(tn_cardinal, "40", "forty");
	check(tn_cardinal, "123", "one hundred twenty three");
	check(tn_cardinal, "1000", "one thousand");
	check(tn_cardinal, "1250000", "one million two hundred fifty thousand");
	check(tn_cardinal, "123000012", "one hundred twenty three million twelve");
	check(tn_cardinal, "007", "seven");
}

static void test_cardinal_huge_is_digits(void **state)
{
	(void)state;
	char big[10001];
	memset(big, '9', 10000);
	big[10000] = 0;
	struct buf b = BUF_INIT;
	tn_cardinal(&b, big, 10000);
	assert_int_equal(b.len, 10000 * 5 - 1);    /* "nine" and a space each */
	buf_release(&b);
	check(tn_cardinal, "1000000000000000000000", "one zero zero zero zero zero zero zero "
	      "zero zero zero zero zero zero zero zero zero zero zero zero zero zero");
}

static void test_ordinal(void **state)
{
	(void)state;
	check(tn_ordinal, "1", "first");
	check(tn_ordinal, "2", "second");
	check(tn_ordinal, "3", "third");
	check(tn_ordinal, "12", "twelfth");
	check(tn_ordinal, "20", "twentieth");
	check(tn_ordinal, "21", "twenty first");
	check(tn_ordinal, "111", "one hundred eleventh");
	check(tn_ordinal, "1000000", "one millionth");
	assert_string_equal(tn_ordinal_suffix("11", 2), "th");
	assert_string_equal(tn_ordinal_suffix("21", 2), "st");
	assert_string_equal(tn_ordinal_suffix("113", 3), "th");
	assert_string_equal(tn_ordinal_suffix("42", 2), "nd");
}

static void test_year(void **state)
{
	(void)state;
	check(tn_year, "1917", "nineteen seventeen");
	check(tn_year, "2008", "two thousand eight");
	check(tn_year, "2022", "twenty twenty two");
	check(tn_year, "2000", "two thousand");
	check(tn_year, "1900", "nineteen hundred");
	check(tn_year, "1506", "fifteen oh six");
	check(tn_year, "1066", "ten sixty six");
	check(tn_year, "340", "three forty");
}

static void test_digits(void **state)
{
	(void)state;
	check(tn_digits, "004", "zero zero four");
	check(tn_digits, "5-1", "five one");
}

static void test_scan_and_say(void **state)
{
	(void)state;
	struct tn_num num;
	struct buf b = BUF_INIT;
	assert_int_equal(tn_scan_number("1,250,000 people", 16, &num), 9);
	assert_true(num.commas);
	assert_int_equal(tn_scan_number("5.2bn", 5, &num), 3);
	assert_int_equal(num.flen, 1);
	tn_number(&b, &num);
	assert_string_equal(b.data, "five point two");
	buf_reset(&b);
	assert_int_equal(tn_scan_number(".25", 3, &num), 3);
	tn_number(&b, &num);
	assert_string_equal(b.data, "point two five");
	/* "1,25" is not a thousands separator */
	assert_int_equal(tn_scan_number("1,25", 4, &num), 1);
	assert_int_equal(tn_scan_number("abc", 3, &num), 0);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cardinal),
		cmocka_unit_test(test_cardinal_huge_is_digits),
		cmocka_unit_test(test_ordinal),
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_scan_and_say),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
