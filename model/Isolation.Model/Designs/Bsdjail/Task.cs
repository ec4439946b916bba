using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>The task hooks: entering a jail at exec, joining it at fork, and ptrace, signals, capabilities, rlimits, scheduling.</summary>
public sealed partial class BsdjailModule
{
    // RLIMIT_CPU, RLIMIT_DATA, RLIMIT_MEMLOCK (include/uapi/asm-generic/resource.h).
    private const int RlimitCpu = 0;
    private const int RlimitData = 2;
    private const int RlimitMemlock = 8;

    private void AddTaskHooks(HookTable hooks)
    {
        hooks.PtraceAccessCheck.Add(this, PtraceAccessCheck);
        hooks.PtraceTraceme.Add(this, PtraceTraceme);
        hooks.Capable.Add(this, Capable);
        hooks.TaskKill.Add(this, TaskKill);
        hooks.TaskAlloc.Add(this, TaskAlloc);
        hooks.TaskFree.Add(this, TaskFree);
        hooks.BprmCredsForExec.Add(this, BprmCredsForExec);
        hooks.TaskSetrlimit.Add(this, TaskSetrlimit);
        hooks.TaskSetscheduler.Add(this, TaskSetscheduler);
    }

    /// <summary>
    /// jail_ptrace for ptrace_access_check: "process in jail may not ptrace process not in the
    /// same jail" (EPERM); a task outside any jail may trace anyone.
    /// </summary>
    private Errno PtraceAccessCheck(Task tracer, Task child, PtraceMode mode) => Ptrace(tracer, child);

    /// <summary>jail_ptrace for ptrace_traceme: 2.6.18's ptrace_traceme asked security_ptrace(current-&gt;parent, current).</summary>
    private Errno PtraceTraceme(Task parent, Task child) => Ptrace(parent, child);

    private Errno Ptrace(Task tracer, Task tracee)
    {
        var ids = JailIds.Number(JailOf(tracer), JailOf(tracee));
        return JailRules.Ptrace.Decide(Bits.Of(InJail(tracer)), ids[0], ids[1]);
    }

    /// <summary>
    /// jail_capable: a jailed task never has CAP_SYS_NICE, CAP_NET_ADMIN, CAP_SYS_MODULE or
    /// CAP_SYS_RAWIO; then, for every task, the superuser rule of 2.6's dummy module: a file-system
    /// capability needs fsuid 0, any other euid 0 (kernel ids: root of the initial namespace).
    /// </summary>
    private Errno Capable(Task task, UserNamespace ns, Capability cap) =>
        JailRules.Capable.Decide(Bits.Of(InJail(task)), Bits.Of((int)cap), Bits.Of((int)task.Cred.Euid), Bits.Of((int)task.Cred.Fsuid));

    /// <summary>
    /// jail_task_kill: a jailed sender may signal only tasks of its own jail (EPERM), except that
    /// SIGCHLD goes anywhere.
    /// </summary>
    private Errno TaskKill(Task sender, Task target, int sig)
    {
        var ids = JailIds.Number(JailOf(sender), JailOf(target));
        return JailRules.TaskKill.Decide(Bits.Of(InJail(sender)), ids[0], ids[1], Bits.Of(sig));
    }

    /// <summary>
    /// jail_security_task_create, then jail_task_alloc_security (6.12 has only task_alloc): a
    /// jail at its max_nrtask refuses the fork (EPERM); otherwise the child joins the jail, which
    /// counts it. The rlimits are written to <c>tsk-&gt;signal</c>, which at this point of
    /// copy_process is still the parent's signal_struct: the parent's RLIMIT_CPU changes and
    /// copy_signal then copies it to the child. As posted, data and memlock go to RLIMIT_CPU too,
    /// and the nice level is set on current, the parent.
    /// </summary>
    private Errno TaskAlloc(Task parent, Task child, long cloneFlags)
    {
        if (ActiveJail(parent) is not { } jail)
        {
            return Errno.None;
        }

        var refused = JailRules.TaskCreate.Decide(Bits.Of(true), Bits.Of(jail.MaxNrTask), Bits.Of(jail.CurNrTask));
        if (refused != Errno.None)
        {
            return refused;
        }

        SetBlob(child.Security, jail);
        jail.CurNrTask++;
        foreach (var value in new[] { jail.MaxTimeslice, jail.MaxData, jail.MaxMemlock })
        {
            if (value != 0)
            {
                SetRlimit(parent, RlimitCpu, value);
            }
        }

        if (jail.Nice != 0)
        {
            SetUserNice(parent, jail.Nice);
        }

        return Errno.None;
    }

    /// <summary>
    /// jail_task_free_security: a jail set up but never entered is dropped; a task leaving an
    /// enabled jail (when it is reaped) is no longer counted.
    /// </summary>
    private void TaskFree(Task task)
    {
        if (JailOf(task) is not { } jail)
        {
            return;
        }

        if (!jail.InUse)
        {
            SetBlob(task.Security, null);
            return;
        }

        jail.CurNrTask--;
    }

    /// <summary>
    /// jail_bprm_alloc_security: the exec of a task that configured a jail enables it
    /// (enable_jail): the address is parsed, the task is the jail's first, and nice and the
    /// DATA, MEMLOCK and CPU rlimits (soft and hard) are set. It never fails.
    /// </summary>
    private Errno BprmCredsForExec(Binprm bprm)
    {
        var task = bprm.Task;
        if (JailOf(task) is not { InUse: false } jail)
        {
            return Errno.None;
        }

        if (jail.Ip4AddrName is not null || jail.Ip6AddrName is not null)
        {
            SetupNetaddress(jail);
        }

        jail.CurNrTask = 1;
        if (jail.Nice != 0)
        {
            SetUserNice(task, jail.Nice);
        }

        if (jail.MaxData != 0)
        {
            SetRlimit(task, RlimitData, jail.MaxData);
        }

        if (jail.MaxMemlock != 0)
        {
            SetRlimit(task, RlimitMemlock, jail.MaxMemlock);
        }

        if (jail.MaxTimeslice != 0)
        {
            SetRlimit(task, RlimitCpu, jail.MaxTimeslice);
        }

        jail.InUse = true;
        return Errno.None;
    }

    /// <summary>jail_task_setrlimit: a jailed task may set no rlimit (EPERM).</summary>
    private Errno TaskSetrlimit(Task task, Task target, int resource, ulong cur, ulong max) =>
        JailRules.InJailRefused.Decide(Bits.Of(InJail(task)));

    /// <summary>jail_task_setscheduler: a jailed task may change no scheduling policy (EPERM).</summary>
    private Errno TaskSetscheduler(Task task, Task target) => JailRules.InJailRefused.Decide(Bits.Of(InJail(task)));

    /// <summary>
    /// setup_netaddress: "%u.%u.%u.%u" with each part at most 255 gives GOT_IPV4; eight "%x" groups
    /// separated by ':' (no "::"), each at most 65535, give GOT_IPV6. A bad IPv4 address returns
    /// before the IPv6 one is looked at.
    /// </summary>
    private static void SetupNetaddress(Jail jail)
    {
        jail.GotIpv4 = false;
        jail.GotIpv6 = false;
        jail.Addr4 = IpAddr.AnyV4;
        jail.Addr6 = IpAddr.AnyV6;
        if (jail.Ip4AddrName is { } v4)
        {
            var parts = new uint[4];
            if (JailText.ScanUnsigned(v4, '.', 10, parts) != 4 || parts.Any(p => p > 255))
            {
                return;
            }

            jail.Addr4 = IpAddr.V4((byte)parts[0], (byte)parts[1], (byte)parts[2], (byte)parts[3]);
            jail.GotIpv4 = true;
        }

        if (jail.Ip6AddrName is { } v6)
        {
            var groups = new uint[8];
            if (JailText.ScanUnsigned(v6, ':', 16, groups) != 8)
            {
                return;
            }

            UInt128 value = 0;
            for (var i = 0; i < 8; i++)
            {
                if (groups[i] > 65535)
                {
                    return; // the groups before this one were already stored in addr6
                }

                value |= (UInt128)groups[i] << (16 * (7 - i));
                jail.Addr6 = new IpAddr(true, value);
            }

            jail.GotIpv6 = true;
        }
    }

    // The patch writes rlim_cur and rlim_max directly, bypassing do_prlimit's checks.
    private static void SetRlimit(Task task, int resource, long value) =>
        task.Rlimits[resource] = (unchecked((ulong)value), unchecked((ulong)value));

    // set_user_nice: a value outside MIN_NICE..MAX_NICE, or the task's own, changes nothing.
    private static void SetUserNice(Task task, long nice)
    {
        if (nice >= TaskScheduling.MinNice && nice <= TaskScheduling.MaxNice)
        {
            task.Nice = (int)nice;
        }
    }
}
