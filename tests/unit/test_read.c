/*
 * test_read: unit tests for src/read.c, article bytes to checked text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read.h"
#include "units_capture.h"

#include <stdlib.h>
#include <string.h>

/* Runs read_check on len bytes; returns its result, output and stderr. */
static int check(const char *data, size_t len, struct buf *out, struct buf *err)
{
	struct capture c;
	capture_begin(&c);
	int rc = read_check("art.txt", data, len, out);
	capture_end(&c, err);
	return rc;
}

static void test_plain_text_passes(void **state)
{
	(void)state;
	struct buf out = BUF_INIT, err = BUF_INIT;
	assert_int_equal(check("Title\n\nBody.\n", 13, &out, &err), 0);
	assert_string_equal(out.data, "Title\n\nBody.\n");
	assert_int_equal(err.len, 0);
	buf_release(&out);
	buf_release(&err);
}

static void test_bom_stripped(void **state)
{
	(void)state;
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char in[] = "\xEF\xBB\xBFHeadline\n";
	assert_int_equal(check(in, sizeof(in) - 1, &out, &err), 0);
	assert_string_equal(out.data, "Headline\n");
	buf_release(&out);
	buf_release(&err);
}

static void test_crlf_and_cr(void **state)
{
	(void)state;
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char in[] = "One\r\nTwo\rThree\r\n\r\nFour";
	assert_int_equal(check(in, sizeof(in) - 1, &out, &err), 0);
	assert_string_equal(out.data, "One\nTwo\nThree\n\nFour");
	assert_null(strchr(out.data, '\r'));
	buf_release(&out);
	buf_release(&err);
}

static void test_nfc(void **state)
{
	(void)state;
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char in[] = "Caf" "e\xCC\x81" " open";   /* e + COMBINING ACUTE */
	assert_int_equal(check(in, sizeof(in) - 1, &out, &err), 0);
	assert_string_equal(out.data, "Caf\xC3\xA9 open");       /* é */
	buf_release(&out);
	buf_release(&err);
}

static void test_nul_is_binary(void **state)
{
	(void)state;
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char in[] = "line one\nab\0cd\n";
	assert_int_equal(check(in, sizeof(in) - 1, &out, &err), -1);
	assert_non_null(strstr(err.data, "art.txt"));
	assert_non_null(strstr(err.data, "NUL"));
	assert_non_null(strstr(err.data, "11"));          /* its byte offset */
	assert_int_equal(out.len, 0);
	buf_release(&out);
	buf_release(&err);
}

static void test_invalid_utf8_line_and_offset(void **state)
{
	(void)state;
	struct buf out = BUF_INIT, err = BUF_INIT;
	/* line 3, the bad byte 0xFF is at byte offset 11, column 5 */
	const char in[] = "Title\n\nGood\xFF text\n";
	assert_int_equal(check(in, sizeof(in) - 1, &out, &err), -1);
	assert_non_null(strstr(err.data, "art.txt"));
	assert_non_null(strstr(err.data, ":3:5:"));
	assert_non_null(strstr(err.data, "byte offset 11"));
	assert_non_null(strstr(err.data, "UTF-8"));
	buf_release(&out);
	buf_release(&err);

	/* a truncated sequence at the very end */
	const char cut[] = "ok\n\xC3";
	assert_int_equal(check(cut, sizeof(cut) - 1, &out, &err), -1);
	assert_non_null(strstr(err.data, ":2:1:"));
	assert_non_null(strstr(err.data, "byte offset 3"));
	buf_release(&out);
	buf_release(&err);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	const char *cases[] = { "", " ", "\n\n\n", " \t\r\n \r\n", "\xEF\xBB\xBF\n" };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf out = BUF_INIT, err = BUF_INIT;
		assert_int_equal(check(cases[i], strlen(cases[i]), &out, &err), -1);
		assert_non_null(strstr(err.data, "art.txt"));
		assert_non_null(strstr(err.data, "empty"));
		buf_release(&out);
		buf_release(&err);
	}
}

static int read_path(const char *path, struct buf *out, struct buf *err)
{
	struct capture c;
	capture_begin(&c);
	int rc = read_text(path, out);
	capture_end(&c, err);
	return rc;
}

static void test_files(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	struct buf out = BUF_INIT, err = BUF_INIT;

	char *good = scratch_file(dir, "good.txt", "Head\r\n\r\nBody.\r\n", 15);
	assert_int_equal(read_path(good, &out, &err), 0);
	assert_string_equal(out.data, "Head\n\nBody.\n");
	buf_reset(&out);

	assert_int_equal(read_path(dir, &out, &err), -1);
	assert_non_null(strstr(err.data, dir));
	assert_non_null(strstr(err.data, "directory"));
	buf_reset(&err);

	struct buf missing = BUF_INIT;
	buf_addf(&missing, "%s/nowhere.txt", dir);
	assert_int_equal(read_path(missing.data, &out, &err), -1);
	assert_non_null(strstr(err.data, "nowhere.txt"));
	assert_non_null(strstr(err.data, "No such file"));
	buf_reset(&err);

	char *empty = scratch_file(dir, "empty.txt", "", 0);
	assert_int_equal(read_path(empty, &out, &err), -1);
	assert_non_null(strstr(err.data, "empty.txt"));
	buf_reset(&err);

	char *bin = scratch_file(dir, "bin.dat", "\x7f" "ELF\0\0\0", 7);
	assert_int_equal(read_path(bin, &out, &err), -1);
	assert_non_null(strstr(err.data, "bin.dat"));
	assert_non_null(strstr(err.data, "NUL"));

	buf_release(&missing);
	buf_release(&out);
	buf_release(&err);
	free(good);
	free(empty);
	free(bin);
	scratch_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_passes),
		cmocka_unit_test(test_bom_stripped),
		cmocka_unit_test(test_crlf_and_cr),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_nul_is_binary),
		cmocka_unit_test(test_invalid_utf8_line_and_offset),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
