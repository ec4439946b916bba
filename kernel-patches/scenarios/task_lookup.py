#!/usr/bin/env python3
"""Writes the scenarios that extend traces/spec/designs/task-lookup/ for the patched-kernel corpus
into kernel-patches/task-lookup/scenarios/. The expected results are what the posting and its
sample policy say (seed 001): a task in a domain lists in /proc only its own domain's tasks, reads
only their attributes, and cannot leave; lookups by name, signals and ptrace are not affected.

    kernel-patches/scenarios/task_lookup.py
"""
from common import ScenarioSet

SEED = "seed 001_5a97e7f75b7324ae.txt"
EACCES = "-1 EACCES (Permission denied)"
EINVAL = "-1 EINVAL (Invalid argument)"
HOOK = f"security_task_lookup in the /proc listing (proc_pid_readdir in 6.12); the sample policy lets a jail2_t task look up jail2_t only ({SEED})"
ATTR = f"selinux_setprocattr/selinux_getprocattr under the sample policy: setexec only unconfined, getattr within a domain ({SEED})"
SCENARIOS = ScenarioSet("task-lookup")


def scenario(name, sources, events, user=False):
    SCENARIOS.add(name, sources, events, user=user)


def enter(p, domain, fd=3):
    """p writes the domain to attr/exec and execs itself (the file descriptor is closed again)."""
    return [f'{p} openat(AT_FDCWD, "/proc/self/attr/exec", O_WRONLY) = {fd}',
            f'{p} write({fd}, "{domain}", {len(domain)}) = {len(domain)}', f"{p} close({fd}) = 0",
            f'{p} execve("/proc/self/exe", ["runner"], NULL) = 0']


def listing(p, seen, fd=3):
    return [f'{p} openat(AT_FDCWD, "/proc", O_RDONLY|O_DIRECTORY) = {fd}',
            f"{p} getdents64({fd}, [{', '.join(seen)}], 32768) = {len(seen)}"]


def read_attr(p, target, name, fd, result, data=""):
    path = f"/proc/{target}/attr/{name}"
    return [f'{p} openat(AT_FDCWD, "{path}", O_RDONLY) = {fd}', f'{p} read({fd}, "{data}", 64) = {result}']


def write_attr(p, value, fd, result, name="exec"):
    shown = value.replace("\n", "\\n")
    return [f'{p} openat(AT_FDCWD, "/proc/self/attr/{name}", O_WRONLY) = {fd}',
            f'{p} write({fd}, "{shown}", {len(value)}) = {result}']


scenario("three-domains", [HOOK],
         ["p1 fork() = p2", "p1 fork() = p3", "p1 fork() = p4"] + enter("p2", "a") + enter("p3", "b") + enter("p4", "c")
         + listing("p2", ["p2"]) + listing("p3", ["p3"]) + listing("p4", ["p4"]) + listing("p1", ["p1", "p2", "p3", "p4"]))
scenario("domain-child-sees-parent", [HOOK, "children keep the domain (selinux_task_alloc_security)"],
         ["p1 fork() = p2"] + enter("p2", "a") + ["p2 fork() = p3"] + listing("p3", ["p2", "p3"]))
scenario("two-tasks-same-name", [HOOK, "one name, one domain"],
         ["p1 fork() = p2", "p1 fork() = p3"] + enter("p2", "web") + enter("p3", "web") + listing("p2", ["p2", "p3"])
         + listing("p3", ["p2", "p3"]))
scenario("child-forked-after-exec-joins", [HOOK],
         enter("p1", "a") + ["p1 fork() = p2"] + listing("p1", ["p1", "p2"]) + listing("p2", ["p1", "p2"]))
scenario("unconfined-sees-domains-and-itself", [HOOK, "unconfined_t may look up every domain"],
         ["p1 fork() = p2", "p1 fork() = p3"] + enter("p2", "a") + listing("p1", ["p1", "p2", "p3"])
         + listing("p3", ["p1", "p2", "p3"]))
scenario("domain-name-characters", [ATTR, "a domain name is a type name: letters, digits, '_', '.', '-'"],
         write_attr("p1", "a.b-c_d", 3, "7") + [f'p1 write(3, "A1", 2) = 2', f'p1 write(3, "a/b", 3) = {EINVAL}',
                                                f'p1 write(3, "a b", 3) = {EINVAL}', f'p1 write(3, "a:b", 3) = {EINVAL}']
         + read_attr("p1", "self", "exec", 4, "3", "A1\\0"))
scenario("newline-only-clears", [ATTR, "a final newline is dropped; an empty value clears the exec domain"],
         write_attr("p1", "a", 3, "1") + ['p1 write(3, "\\n", 1) = 1'] + read_attr("p1", "self", "exec", 4, "0"))
scenario("two-newlines-invalid", [ATTR, "only one final newline is dropped"],
         write_attr("p1", "a\n\n", 3, EINVAL) + write_attr("p1", "a\n", 4, "2")
         + read_attr("p1", "self", "exec", 5, "2", "a\\0"))
scenario("exec-domain-overwritten", [ATTR, "the last write names the domain of the next exec"],
         ["p1 fork() = p2"] + write_attr("p1", "first", 3, "5") + ['p1 write(3, "second", 6) = 6', "p1 close(3) = 0",
                                                                    'p1 execve("/proc/self/exe", ["runner"], NULL) = 0']
         + read_attr("p1", "self", "current", 3, "7", "second\\0") + listing("p1", ["p1"], 4))
scenario("exec-domain-readable-before-exec", [ATTR],
         write_attr("p1", "jail2", 3, "5") + read_attr("p1", "self", "exec", 4, "6", "jail2\\0")
         + read_attr("p1", "self", "current", 5, "11", "unconfined\\0"))
scenario("own-exec-attr-empty-in-domain", [ATTR, "exec_sid is reset at exec"],
         enter("p1", "a") + read_attr("p1", "self", "exec", 3, "0") + read_attr("p1", "self", "current", 4, "2", "a\\0"))
scenario("unconfined-reads-domain", [ATTR, "unconfined_t has getattr over every domain"],
         ["p1 fork() = p2"] + enter("p2", "jail2") + read_attr("p1", "p2", "current", 3, "6", "jail2\\0")
         + read_attr("p1", "p2", "exec", 4, "0"))
scenario("domain-reads-unconfined-refused", [ATTR],
         ["p1 fork() = p2"] + enter("p2", "jail2") + read_attr("p2", "p1", "current", 3, EACCES)
         + read_attr("p2", "p1", "exec", 4, EACCES))
scenario("domain-reads-other-domain-refused", [ATTR],
         ["p1 fork() = p2", "p1 fork() = p3"] + enter("p2", "a") + enter("p3", "b")
         + read_attr("p2", "p3", "current", 3, EACCES) + read_attr("p3", "p2", "exec", 3, EACCES))
scenario("domain-reads-same-domain", [ATTR],
         ["p1 fork() = p2", "p1 fork() = p3"] + enter("p2", "a") + enter("p3", "a")
         + read_attr("p2", "p3", "current", 3, "2", "a\\0"))
scenario("other-attr-names-invalid", [ATTR, "only current and exec exist under this policy"],
         read_attr("p1", "self", "prev", 3, EINVAL) + read_attr("p1", "self", "fscreate", 4, EINVAL)
         + read_attr("p1", "self", "keycreate", 5, EINVAL) + read_attr("p1", "self", "sockcreate", 6, EINVAL))
scenario("other-domain-attr-refused-first", [ATTR, "getattr is checked before the attribute name"],
         ["p1 fork() = p2"] + enter("p2", "a") + read_attr("p2", "p1", "prev", 3, EACCES)
         + read_attr("p2", "self", "prev", 4, EINVAL))
scenario("domain-cannot-clear", [ATTR, "jail2_t lacks process:setexec, even to clear it"],
         enter("p1", "a") + write_attr("p1", "", 3, EACCES) + write_attr("p1", "b", 4, EACCES))
scenario("domain-write-current-invalid", [ATTR, "the attribute name is checked before setexec"],
         enter("p1", "a") + write_attr("p1", "b", 3, EINVAL, "current") + write_attr("p1", "b", 4, EINVAL, "fscreate"))
scenario("unconfined-name-stays-unconfined", [ATTR, "the exec domain \"unconfined\" is unconfined_t"],
         ["p1 fork() = p2"] + enter("p1", "unconfined") + listing("p1", ["p1", "p2"]) + read_attr("p1", "self", "current", 4, "11", "unconfined\\0"))
scenario("domain-survives-second-exec", [HOOK, "an exec without an exec domain keeps the domain"],
         ["p1 fork() = p2"] + enter("p1", "a") + ['p1 execve("/proc/self/exe", ["runner"], NULL) = 0'] + listing("p1", ["p1"]))
scenario("hidden-task-stat-by-name", [HOOK, "proc_pid_lookup does not ask the hook: stat by pid works (fs/proc/base.c, 6.12)"],
         ["p1 fork() = p2"] + enter("p2", "a") + ['p2 stat("/proc/p1", {st_mode=S_IFDIR|0555, st_size=0, ...}) = 0',
                                                 'p2 openat(AT_FDCWD, "/proc/p1/status", O_RDONLY) = 3'])
scenario("hidden-task-signalled", [HOOK, "kill takes a pid with no lookup hook (kernel/signal.c, 6.12)"],
         ["p1 fork() = p2", "p1 fork() = p3"] + enter("p2", "a") + ["p2 kill(p3, SIGUSR1) = 0", "p2 kill(p1, 0) = 0",
                                                                     "p2 kill(p3, SIGKILL) = 0"])
scenario("hidden-task-traced", [HOOK, "ptrace takes a pid with no lookup hook (kernel/ptrace.c, 6.12)"],
         ["p1 fork() = p2", "p1 fork() = p3"] + enter("p2", "a") + ["p2 ptrace(PTRACE_SEIZE, p3, NULL, 0) = 0"])
scenario("user-domain-hides-root", [HOOK], enter("p1", "a") + ["p1 fork() = p2"] + listing("p2", ["p1", "p2"]), user=True)
scenario("user-two-domains", [HOOK],
         ["p1 fork() = p2", "p1 fork() = p3"] + enter("p2", "a") + enter("p3", "b") + listing("p2", ["p2"])
         + listing("p1", ["p1", "p2", "p3"]), user=True)
scenario("user-domain-cannot-clear", [ATTR], enter("p1", "a") + write_attr("p1", "", 3, EACCES), user=True)
scenario("grandchild-in-domain", [HOOK],
         ["p1 fork() = p2"] + enter("p2", "a") + ["p2 fork() = p3", "p3 fork() = p4"] + listing("p1", ["p1", "p2", "p3", "p4"])
         + listing("p4", ["p2", "p3", "p4"]))
scenario("domain-zombie-child-listed", [HOOK, "zombies are listed (next_tgid: pid_task of a zombie)"],
         enter("p1", "a") + ["p1 fork() = p2", "p2 exit_group(0) = ?"] + listing("p1", ["p1", "p2"]))
scenario("pending-domain-not-hidden", [HOOK, "the exec domain takes effect only at exec"],
         ["p1 fork() = p2"] + write_attr("p2", "a", 3, "1") + listing("p2", ["p1", "p2"], 4))
scenario("fork-then-enter-separates", [HOOK],
         ["p1 fork() = p2"] + enter("p1", "a") + ["p1 fork() = p3"] + listing("p3", ["p1", "p3"]) + listing("p2", ["p1", "p2", "p3"]))
scenario("long-domain-name", [ATTR],
         ["p1 fork() = p2"] + enter("p1", "d" * 100) + listing("p1", ["p1"], 3)
         + ['p1 openat(AT_FDCWD, "/proc/self/attr/current", O_RDONLY) = 4',
            'p1 read(4, "' + "d" * 32 + '"..., 128) = 101'])
scenario("failed-exec-keeps-exec-domain", [ATTR, "the transition is committed only by an exec that succeeds"],
         ["p1 fork() = p2"] + write_attr("p1", "a", 3, "1")
         + ['p1 execve("/nonexistent", ["runner"], NULL) = -1 ENOENT (No such file or directory)']
         + listing("p1", ["p1", "p2"], 4) + read_attr("p1", "self", "exec", 5, "2", "a\\0"))
scenario("domain-reads-own-via-pid", [ATTR], enter("p1", "a") + read_attr("p1", "p1", "current", 3, "2", "a\\0"))
scenario("exec-domain-set-twice-same", [ATTR],
         ["p1 fork() = p2"] + write_attr("p1", "a", 3, "1") + ['p1 write(3, "a\\n", 2) = 2', "p1 close(3) = 0",
                                                                'p1 execve("/proc/self/exe", ["runner"], NULL) = 0']
         + listing("p1", ["p1"]))


def main():
    SCENARIOS.write()


if __name__ == "__main__":
    main()
