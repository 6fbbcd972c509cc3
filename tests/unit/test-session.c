// SPDX-License-Identifier: GPL-2.0-or-later
/* The core session both front ends open (src/core/session.c) on fixture roots; "fake"
 * makes the root the running system (tests/preload/fakeroot.c, linked in). */
#include "config.h"

#include "testutil.h"

#include "core/session.h"

struct want {
	bool resolver, ops;
	enum lkm_refusal refusal;
	const char *why_not;
};

static void check(const char *dir, bool fake, bool privileged, const struct want *w)
{
	struct lkm_sysroot *root;
	struct lkm_session s;

	if (fake)
		setenv("LKMTUI_FAKE_ROOT", dir, 1);
	else
		unsetenv("LKMTUI_FAKE_ROOT");
	assert_int_equal(lkm_sysroot_new(dir, &root), 0);
	assert_int_equal(lkm_session_open(&s, root, privileged), 0);
	assert_ptr_equal(s.root, root);
	assert_int_equal(s.resolver != NULL, w->resolver);
	assert_int_equal(s.engine.ops != NULL, w->ops);
	assert_ptr_equal(s.engine.resolver, s.resolver);
	assert_int_equal(s.engine.privileged, privileged);
	/* Only a change to the running system is worth a line in its log. */
	assert_int_equal(s.engine.log_to_syslog, fake);
	assert_ptr_equal(s.ectx.root, root);
	assert_ptr_equal(s.ectx.resolver, s.resolver);
	assert_int_equal(s.refusal, w->refusal);
	assert_string_equal(s.why_not, w->why_not);
	assert_int_equal(lkm_session_may_act(root), fake);
	lkm_session_close(&s);
	lkm_sysroot_free(root);
	unsetenv("LKMTUI_FAKE_ROOT");
}

static const char offline[] =
	"this --root is not the running system: lkmtui only looks at it";

static void test_offline_root_only_looks(void **state)
{
	const struct want w = { true, false, LKM_REFUSE_OFFLINE_ROOT, offline };

	(void)state;
	check(FIXTURES "/modroot", false, true, &w);
}

/* The running system (a fixture tree made it): the root is acted on. */
static void test_fake_kernel_acts(void **state)
{
	const struct want can = { true, true, LKM_REFUSE_NONE, "" };
	const struct want cannot = { true, true, LKM_REFUSE_NOT_PERMITTED,
				     "loading, unloading and setting need root "
				     "(CAP_SYS_MODULE)" };

	(void)state;
	check(FIXTURES "/modroot", true, true, &can);
	check(FIXTURES "/modroot", true, false, &cannot);
}

/* No /lib/modules for the root's kernel: no resolver, so no acting. */
static void test_no_module_directory(void **state)
{
	const struct want w = { false, false, LKM_REFUSE_OFFLINE_ROOT, offline };

	(void)state;
	check(FIXTURES "/nomodules", false, true, &w);
}

/* Once stopped, the engine's kernel calls are refused (the session's stop table). */
static void test_stop_between_steps(void **state)
{
	static volatile sig_atomic_t stop;
	struct lkm_sysroot *root;
	struct lkm_session s;

	(void)state;
	setenv("LKMTUI_FAKE_ROOT", FIXTURES "/modroot", 1);
	assert_int_equal(lkm_sysroot_new(FIXTURES "/modroot", &root), 0);
	assert_int_equal(lkm_session_open(&s, root, true), 0);
	unsetenv("LKMTUI_FAKE_ROOT");
	lkm_session_stop_on(&s, &stop);
	assert_ptr_equal(s.engine.ops, &s.stop.ops);
	assert_ptr_equal(s.stop.inner, &s.real.ops);
	lkm_session_close(&s);
	lkm_sysroot_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offline_root_only_looks),
		cmocka_unit_test(test_fake_kernel_acts),
		cmocka_unit_test(test_no_module_directory),
		cmocka_unit_test(test_stop_between_steps),
	};

	/* The texts compared are the English ones. */
	setenv("LANGUAGE", "C", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
