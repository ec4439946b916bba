using System.Globalization;
using System.Text;
using Isolation.Model.Abi;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Cgroups;
using Isolation.Model.Kernel.Creds;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.NetContainer;

/// <summary>
/// The <c>network.ipv4</c> control file, exactly as patch 1/3 parses and prints it: a write is
/// <c>add.HEX</c> or <c>del.HEX</c> — the parser splits at the first <c>'.'</c> (memchr(buffer,
/// '.', len)), not at the space its changelog's <c>echo add AB12FFFF</c> uses — and a read lists
/// the stored values with <c>%X</c>, one per line, newest first.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, patch 1/3: network_write, network_parse_ipv4_address,
/// network_fill_ipv4_address, network_read.</remarks>
public static class Ipv4File
{
    /// <summary>The cftype name (the file is <c>network.ipv4</c>).</summary>
    public const string Name = "ipv4";

    /// <summary>PATH_MAX: network_write refuses a write of this many bytes or more with E2BIG.</summary>
    public const int PathMax = 4096;

    /// <summary>The separator memchr looks for in the posted patch.</summary>
    public const byte Separator = (byte)'.';

    /// <summary>network_fill_ipv4_address: <c>sprintf(s, "%X\n", entry-&gt;address)</c> for each entry, head first.</summary>
    public static byte[] Show(Network network) =>
        Encoding.ASCII.GetBytes(string.Concat(network.Ipv4List.Select(a => a.ToString("X", CultureInfo.InvariantCulture) + "\n")));

    /// <summary>
    /// network_write: EPERM without CAP_NET_ADMIN, then E2BIG for PATH_MAX bytes or more, then the
    /// parser's answer.
    /// </summary>
    public static Errno Write(KernelState kernel, Task current, Network network, ReadOnlySpan<byte> userbuf)
    {
        if (!Capabilities.Capable(kernel, current, Capability.NetAdmin))
        {
            return Errno.EPERM;
        }

        if (userbuf.Length >= PathMax)
        {
            return Errno.E2BIG;
        }

        // buffer = kmalloc(nbytes + 1); copy_from_user; buffer[nbytes] = 0.
        var buffer = new byte[userbuf.Length + 1];
        userbuf.CopyTo(buffer);
        return Parse(network, buffer);
    }

    /// <summary>
    /// network_parse_ipv4_address, line by line. <paramref name="buffer"/> is the NUL-terminated
    /// kernel copy; a read past its end (which the trailing-space loop makes when the text starts
    /// with white space: it indexes from the advanced pointer with the length taken before) sees 0.
    /// When sscanf converts nothing the address is 0: 6.12 built with gcc 12 zero-initialises
    /// stack variables (CONFIG_INIT_STACK_ALL_ZERO, the default when the compiler supports it).
    /// </summary>
    public static Errno Parse(Network network, byte[] buffer)
    {
        var len = KernelStrings.CString(buffer).Length;

        // "remove trailing left space"
        var start = 0;
        while (KernelStrings.IsSpace(At(buffer, start)))
        {
            start++;
        }

        // "remove trailing right space": buffer[len - 1] of the advanced pointer.
        while (KernelStrings.IsSpace(At(buffer, start + len - 1)))
        {
            buffer[start + len - 1] = 0;
            len--;
        }

        var text = KernelStrings.CString(buffer.AsSpan(start));
        var dot = text.IndexOf(Separator);
        if (dot < 0)
        {
            return Errno.EINVAL;
        }

        var command = text[..dot];

        // "remove trailing left space again": sscanf's %X skips white space by itself as well.
        var address = KernelStrings.ScanHex(text[(dot + 1)..]) ?? 0;
        if (command.SequenceEqual("add"u8))
        {
            network.Add(address);
            return Errno.None;
        }

        return command.SequenceEqual("del"u8) ? network.Delete(address) : Errno.EINVAL;
    }

    private static byte At(byte[] buffer, int index) => index >= 0 && index < buffer.Length ? buffer[index] : (byte)0;
}
