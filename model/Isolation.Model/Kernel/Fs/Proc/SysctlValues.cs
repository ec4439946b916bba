using System.Globalization;
using System.Text.RegularExpressions;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Netns;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// The sysctls /proc/sys shows in the model, their modes and values: <c>net/ipv4/ip_forward</c>
/// (per network namespace, 0 at start in every namespace) and <c>kernel/hostname</c> (one for the
/// run, "localhost" at start), under the directories <c>net</c>, <c>net/ipv4</c>, <c>kernel</c>.
/// </summary>
/// <remarks>net/ipv4/devinet.c devinet_sysctl_forward; kernel/utsname_sysctl.c proc_do_uts_string;
/// kernel/sysctl.c proc_dointvec, proc_dostring with sysctl_writes_strict = 1 (6.12).</remarks>
public sealed partial class SysctlValues
{
    /// <summary>The hostname a run starts with.</summary>
    public const string DefaultHostname = "localhost";

    /// <summary>__NEW_UTS_LEN + 1: the hostname buffer.</summary>
    public const int HostnameMax = 65;

    /// <summary>The directories and files, with their permission bits (0555 directories, 0644 files).</summary>
    public static readonly IReadOnlyDictionary<string, int> Entries = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["net"] = FileModes.Directory | 0x16D,
        ["net/ipv4"] = FileModes.Directory | 0x16D,
        ["net/ipv4/ip_forward"] = FileModes.Regular | 0x1A4,
        ["kernel"] = FileModes.Directory | 0x16D,
        ["kernel/hostname"] = FileModes.Regular | 0x1A4,
    };

    private readonly Dictionary<NetNamespace, int> _ipForward = [];

    /// <summary>kernel.hostname.</summary>
    public string Hostname { get; set; } = DefaultHostname;

    /// <summary>Whether <paramref name="path"/> belongs to the network namespace's sysctl root (net_sysctl_root).</summary>
    public static bool IsNet(string path) => path == "net" || path.StartsWith("net/", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/> holds an integer (proc_dointvec) rather than a string.</summary>
    public static bool IsInteger(string path) => path == "net/ipv4/ip_forward";

    /// <summary>The value read from <paramref name="path"/> as seen through <paramref name="netNs"/>, with its newline.</summary>
    public string Read(string path, NetNamespace netNs) => path switch
    {
        "net/ipv4/ip_forward" => _ipForward.GetValueOrDefault(netNs).ToString(CultureInfo.InvariantCulture) + "\n",
        _ => Hostname + "\n",
    };

    /// <summary>
    /// The sysctl's own write handler; <paramref name="taken"/> is what write(2) answers. ip_forward:
    /// CAP_NET_ADMIN over the network namespace's owner (EPERM); a write past offset 0 is ignored
    /// but counted (sysctl_writes_strict = 1); one integer, else EINVAL. hostname: the text up to a
    /// newline or NUL replaces the value from the offset on (64 bytes at most); past the end it is
    /// ignored but counted.
    /// </summary>
    public Errno Write(KernelState kernel, Task task, string path, NetNamespace netNs, string text, long position, out int taken)
    {
        taken = System.Text.Encoding.UTF8.GetByteCount(text);
        if (path == "net/ipv4/ip_forward")
        {
            if (!Capabilities.NsCapable(kernel, task, netNs.Owner, Capability.NetAdmin))
            {
                return Errno.EPERM;
            }

            if (position != 0 || taken == 0)
            {
                return Errno.None;
            }

            var m = IntText().Match(text);
            if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return Errno.EINVAL;
            }

            _ipForward[netNs] = value;
            return Errno.None;
        }

        if (position <= Hostname.Length)
        {
            var updated = Hostname[..(int)position] + text.Split('\n', '\0')[0];
            Hostname = updated.Length >= HostnameMax ? updated[..(HostnameMax - 1)] : updated;
        }

        return Errno.None;
    }

    [GeneratedRegex(@"^\s*(-?\d+)\s*$")]
    private static partial Regex IntText();
}
