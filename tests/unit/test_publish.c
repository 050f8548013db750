/*
 * test_publish: unit tests for src/publish.c, files that appear complete
 * or not at all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "publish.h"
#include "units_capture.h"

#include <dirent.h>
#include <stdbool.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Number of entries in dir other than "." and "..". */
static size_t entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static char *join(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

static void test_nothing_until_commit(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	char *final = join(dir, "a.wav");
	char *tmp = join(dir, ".a.wav.partial");
	struct outfile f;
	assert_int_equal(outfile_open(&f, final), 0);
	assert_false(exists(final));
	assert_true(exists(tmp));
	assert_int_equal(outfile_write(&f, "RIFF", 4), 0);
	assert_int_equal(outfile_write(&f, "data", 4), 0);
	assert_false(exists(final));
	assert_int_equal(outfile_commit(&f), 0);
	assert_true(exists(final));
	assert_false(exists(tmp));
	struct stat st;
	assert_int_equal(stat(final, &st), 0);
	assert_int_equal(st.st_size, 8);
	assert_int_equal(entries(dir), 1);
	free(final);
	free(tmp);
	scratch_remove(dir);
}

static void test_abort_leaves_nothing(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	char *final = join(dir, "b.txt");
	struct outfile f;
	assert_int_equal(outfile_open(&f, final), 0);
	outfile_write(&f, "half", 4);
	outfile_abort(&f);
	assert_int_equal(entries(dir), 0);
	free(final);
	scratch_remove(dir);
}

static void test_replaces_old_file_atomically(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	char *final = scratch_file(dir, "c.txt", "old", 3);
	struct outfile f;
	assert_int_equal(outfile_open(&f, final), 0);
	outfile_write(&f, "newer", 5);
	struct stat st;
	assert_int_equal(stat(final, &st), 0);
	assert_int_equal(st.st_size, 3);            /* the old one until commit */
	assert_int_equal(outfile_commit(&f), 0);
	assert_int_equal(stat(final, &st), 0);
	assert_int_equal(st.st_size, 5);
	free(final);
	scratch_remove(dir);
}

/* In a child limited to 1 kB files: a 4 kB write fails, and commit must
 * report it naming the file and leave neither the file nor the .partial. */
static void test_failed_write_leaves_nothing(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	char *final = join(dir, "d.wav");
	fflush(stderr);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		struct rlimit rl = { 1024, 1024 };
		setrlimit(RLIMIT_FSIZE, &rl);
		char block[4096] = { 0 };
		struct outfile f;
		if (outfile_open(&f, final) < 0)
			_exit(10);
		if (outfile_write(&f, block, sizeof(block)) == 0)
			_exit(11);             /* the failure must show */
		outfile_write(&f, block, 10);
		_exit(outfile_commit(&f) == -1 ? 0 : 12);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(entries(dir), 0);
	free(final);
	scratch_remove(dir);
}

static void test_open_fails_in_missing_dir(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	char *final = join(dir, "nowhere/e.wav");
	struct outfile f;
	struct buf err = BUF_INIT;
	struct capture c;
	capture_begin(&c);
	int rc = outfile_open(&f, final);
	capture_end(&c, &err);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err.data, "e.wav"));
	buf_release(&err);
	free(final);
	scratch_remove(dir);
}

static void test_publish_buffer_and_make_dirs(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	char *deep = join(dir, "x/y/z");
	assert_int_equal(make_dirs(deep), 0);
	assert_int_equal(make_dirs(deep), 0);       /* again: fine */
	char *file = join(deep, "s.txt");
	assert_int_equal(publish_buffer(file, "script\n", 7), 0);
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_size, 7);
	assert_int_equal(entries(deep), 1);
	/* a regular file in the way is an error naming it */
	struct buf err = BUF_INIT;
	struct capture c;
	capture_begin(&c);
	int rc = make_dirs(file);
	capture_end(&c, &err);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err.data, "s.txt"));
	buf_reset(&err);
	char *under = join(file, "sub");
	capture_begin(&c);
	rc = make_dirs(under);
	capture_end(&c, &err);
	assert_int_equal(rc, -1);
	buf_release(&err);
	free(under);
	free(file);
	free(deep);
	scratch_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_until_commit),
		cmocka_unit_test(test_abort_leaves_nothing),
		cmocka_unit_test(test_replaces_old_file_atomically),
		cmocka_unit_test(test_failed_write_leaves_nothing),
		cmocka_unit_test(test_open_fails_in_missing_dir),
		cmocka_unit_test(test_publish_buffer_and_make_dirs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
