using System.Text;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>The /proc/&lt;pid&gt;/attr hooks: configuring a jail through <c>exec</c>, and what <c>current</c> and <c>exec</c> read.</summary>
public sealed partial class BsdjailModule
{
    /// <summary>What reading <c>exec</c> outside a jail gives ("Print usage some help"), without a final newline.</summary>
    public const string Usage =
        "Valid keywords:\n" +
        "lock\n" +
        "ip    <ip4-addr>\n" +
        "ip6   <ip6-addr>\n" +
        "nrtask <max number of tasks in this jail>\n" +
        "nice   <nice level for processes in this jail>\n" +
        "slice   <max timeslice per process in msec>\n" +
        "data   <max data size per process in bytes>\n" +
        "memlock <max lockable memory per process in bytes>";

    // The buffer the port allocates for getprocattr (a zeroed page, as snprintf's size bound).
    private const int PageSize = 4096;

    private void AddProcAttrHooks(HookTable hooks)
    {
        hooks.Setprocattr.Add(this, Setprocattr);
        hooks.Getprocattr.Add(this, Getprocattr);
    }

    /// <summary>
    /// jail_setprocattr: EINVAL in a jail ("let them guess why"); EPERM for any file but
    /// <c>exec</c>; then the jail is allocated (even if the keyword turns out bad) and one keyword
    /// is read, a final newline dropped: <c>ip</c>, <c>ip6</c>, <c>slice</c>/<c>timeslice</c>,
    /// <c>nrtask</c> (EINVAL below 1), <c>memlock</c>, <c>data</c>, <c>nice</c>, or anything starting
    /// with <c>lock</c>; anything else is EINVAL. Numbers are simple_strtoul's (base 0, no sign).
    /// </summary>
    private Errno Setprocattr(Task task, string name, ReadOnlyMemory<byte> value)
    {
        // "p != current" is checked by proc_pid_attr_write in 6.12 (EACCES) before the hook runs.
        var jail = JailOf(task);
        var refused = JailRules.Setprocattr.Decide(Bits.Of(InJail(task)), Bits.Of(name == "exec"));
        if (refused != Errno.None)
        {
            return refused;
        }

        if (jail is null)
        {
            jail = new Jail();
            SetBlob(task.Security, jail);
        }

        var v = Encoding.Latin1.GetString(value.Span);
        var size = v.Length > 0 && v[^1] == '\n' ? v.Length - 1 : v.Length;
        if (Keyword(v, "ip "))
        {
            jail.Ip4AddrName = AddrName(v, 3, size);
        }
        else if (Keyword(v, "ip6 "))
        {
            jail.Ip6AddrName = AddrName(v, 4, size);
        }
        else if (Keyword(v, "slice "))
        {
            jail.MaxTimeslice = unchecked((long)JailText.Strtoul(v, 6, 0, out _));
        }
        else if (Keyword(v, "timeslice "))
        {
            jail.MaxTimeslice = unchecked((long)JailText.Strtoul(v, 10, 0, out _));
        }
        else if (Keyword(v, "nrtask "))
        {
            long val = unchecked((int)JailText.Strtol(v, 7, 0));
            if (val < 1)
            {
                return Errno.EINVAL;
            }

            jail.MaxNrTask = (int)val;
        }
        else if (Keyword(v, "memlock "))
        {
            jail.MaxMemlock = unchecked((long)JailText.Strtoul(v, 8, 0, out _));
        }
        else if (Keyword(v, "data "))
        {
            jail.MaxData = unchecked((long)JailText.Strtoul(v, 5, 0, out _));
        }
        else if (Keyword(v, "nice "))
        {
            jail.Nice = unchecked((long)JailText.Strtoul(v, 5, 0, out _));
        }
        else if (!Keyword(v, "lock"))
        {
            return Errno.EINVAL;
        }

        return Errno.None;
    }

    /// <summary>
    /// jail_getprocattr: in a jail, <c>current</c> of any process gives the reader's own network
    /// information and anything else is EINVAL; outside, <c>exec</c> gives <see cref="Usage"/>,
    /// anything but <c>current</c> is EPERM, and <c>current</c> tells whether the process is
    /// jailed and with what limits (note max_memlock and max_data printed in each other's place).
    /// </summary>
    private Errno Getprocattr(Task task, Task target, string name, out byte[] value)
    {
        value = [];
        if (ActiveJail(task) is { } own)
        {
            if (name != "current")
            {
                return Errno.EINVAL;
            }

            value = NetInfo(own);
            return Errno.None;
        }

        if (name == "exec")
        {
            value = Encoding.Latin1.GetBytes(Usage);
            return Errno.None;
        }

        if (name != "current")
        {
            return Errno.EPERM;
        }

        value = Encoding.Latin1.GetBytes(ActiveJail(target) is { } jail ? Status(jail) : "Not Jailed\n");
        return Errno.None;
    }

    /// <summary>The status line block of <c>current</c> read from outside the jail.</summary>
    private static string Status(Jail jail) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"IPv4: {jail.Ip4AddrName ?? "(none)"}\nIPv6: {jail.Ip6AddrName ?? "(none)"}\n" +
        $"max_nrtask {jail.MaxNrTask} current nrtask {jail.CurNrTask} max_timeslice {unchecked((ulong)jail.MaxTimeslice)} " +
        $"nice {unchecked((ulong)jail.Nice)}\n" +
        $"max_memlock {unchecked((ulong)jail.MaxData)} max_data {unchecked((ulong)jail.MaxMemlock)}\n");

    /// <summary>
    /// print_jail_net_info: the IPv4 name and the IPv6 name, each with a newline; the second is
    /// written at the start of the buffer too (over the first), while the length counts both.
    /// </summary>
    private static byte[] NetInfo(Jail jail)
    {
        var buffer = new byte[PageSize];
        var len = 0;
        if (jail.Ip4AddrName is { } v4)
        {
            len += JailText.Snprintf(buffer, 0, PageSize, v4 + "\n");
        }

        if (jail.Ip6AddrName is { } v6)
        {
            len += JailText.Snprintf(buffer, 0, PageSize - len, v6 + "\n");
        }

        if (len == 0)
        {
            len = JailText.Snprintf(buffer, 0, PageSize, "No network information\n");
        }

        return buffer[..Math.Min(len, PageSize)];
    }

    // strncmp(value, keyword, strlen(keyword)) == 0.
    private static bool Keyword(string v, string keyword)
    {
        for (var i = 0; i < keyword.Length; i++)
        {
            if (JailText.At(v, i) != keyword[i])
            {
                return false;
            }
        }

        return true;
    }

    // kmalloc(size - start + 1) and strlcpy from value + start: up to the dropped newline or a NUL.
    private static string AddrName(string v, int start, int size)
    {
        var end = start;
        while (end < size && v[end] != '\0')
        {
            end++;
        }

        return v[start..end];
    }
}
