/*
 * test_buf: unit tests for src/buf.c, the growable text buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"

#include <stdlib.h>
#include <string.h>

static void test_add_and_format(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_adds(&b, "hello ");
	buf_addf(&b, "%d-%s", 42, "x");
	buf_addc(&b, '!');
	buf_add(&b, "abc", 2);
	assert_string_equal(b.data, "hello 42-x!ab");
	assert_int_equal(b.len, strlen("hello 42-x!ab"));
	assert_true(b.cap > b.len);
	buf_release(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
}

static void test_grows_past_many_pages(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	for (int i = 0; i < 100000; i++)
		buf_addf(&b, "%05d", i % 100000);
	assert_int_equal(b.len, 500000);
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data + 5 * 99999, "99999", 5);
	buf_release(&b);
}

static void test_long_format(void **state)
{
	(void)state;
	/* longer than any small internal first guess at the size */
	char big[5000];
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	struct buf b = BUF_INIT;
	buf_adds(&b, "<");
	buf_addf(&b, "%s>", big);
	assert_int_equal(b.len, sizeof(big) + 1);
	assert_int_equal(b.data[0], '<');
	assert_int_equal(b.data[b.len - 1], '>');
	assert_int_equal(b.data[b.len - 2], 'q');
	buf_release(&b);
}

static void test_truncate_rtrim_reset(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_adds(&b, "words \t\n ");
	buf_rtrim(&b);
	assert_string_equal(b.data, "words");
	buf_truncate(&b, 2);
	assert_string_equal(b.data, "wo");
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_int_equal(b.cap, cap);
	buf_adds(&b, "   ");
	buf_rtrim(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_release(&b);
}

static void test_detach(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	size_t len = 99;
	char *s = buf_detach(&b, &len);   /* never NULL, even when empty */
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	buf_adds(&b, "kept");
	s = buf_detach(&b, &len);
	assert_string_equal(s, "kept");
	assert_int_equal(len, 4);
	assert_int_equal(b.len, 0);
	buf_adds(&b, "again");          /* reusable after detach */
	assert_string_equal(b.data, "again");
	buf_release(&b);
	free(s);
}

static void test_embedded_nul_and_self_copy(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	buf_release(&b);
}

static void test_xstrdup(void **state)
{
	(void)state;
	char *a = xstrdup("text");
	char *n = xstrndup("textual", 4);
	assert_string_equal(a, "text");
	assert_string_equal(n, "text");
	char *z = xcalloc(4, 8);
	for (int i = 0; i < 32; i++)
		assert_int_equal(z[i], 0);
	free(a);
	free(n);
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_and_format),
		cmocka_unit_test(test_grows_past_many_pages),
		cmocka_unit_test(test_long_format),
		cmocka_unit_test(test_truncate_rtrim_reset),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_embedded_nul_and_self_copy),
		cmocka_unit_test(test_xstrdup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
