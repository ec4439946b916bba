using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Designs.NetContainer;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;

namespace Isolation.Model.Tests.Designs.NetContainer;

/// <summary>network.ipv4 as patch 1/3 parses and prints it (seed 002_d6ff0dffc80eb989.txt, network_parse_ipv4_address).</summary>
public sealed class Ipv4FileTests
{
    [Theory]
    [InlineData("add.0100007F\n", 0x0100007Fu)]
    [InlineData("add.0x0100007F", 0x0100007Fu)]
    [InlineData(" add.0100007F\n", 0x0100007Fu)]
    [InlineData("add. \t0100007F", 0x0100007Fu)]
    [InlineData("add.10.0.0.1", 0x10u)]
    [InlineData("add.zz", 0u)]
    [InlineData("add.", 0u)]
    [InlineData("add.1\0garbage", 1u)]
    public void Add_StoresWhatSscanfReads(string text, uint stored)
    {
        var network = new Network();
        Assert.Equal(Errno.None, Parse(network, text));
        Assert.Equal(new[] { stored }, network.Ipv4List);
    }

    [Theory]
    [InlineData("add AB12FFFF")]
    [InlineData("add .0100007F")]
    [InlineData("ADD.0100007F")]
    [InlineData("set.0100007F")]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\0add.1")]
    public void Command_IsExactlyAddOrDelBeforeTheFirstDot(string text) => Assert.Equal(Errno.EINVAL, Parse(new Network(), text));

    [Fact]
    public void Del_RemovesTheFirstMatch_AndAnAbsentAddressIsEINVAL()
    {
        var network = new Network();
        Assert.Equal(Errno.EINVAL, Parse(network, "del.1"));
        Parse(network, "add.1");
        Parse(network, "add.2");
        Parse(network, "add.1");
        Assert.Equal(new[] { 1u, 2u, 1u }, network.Ipv4List);
        Assert.Equal(Errno.None, Parse(network, "del.1\n"));
        Assert.Equal(new[] { 2u, 1u }, network.Ipv4List);
        Assert.Equal("2\n1\n", Encoding.ASCII.GetString(Ipv4File.Show(network)));
    }

    [Fact]
    public void Show_PrintsPercentXNewestFirst()
    {
        var network = new Network();
        Parse(network, "add.0100007F");
        Parse(network, "add.0A");
        Assert.Equal("A\n100007F\n", Encoding.ASCII.GetString(Ipv4File.Show(network)));
    }

    [Fact]
    public void SAddr_IsTheNetworkOrderBytesReadLittleEndian()
    {
        Assert.Equal(0x0100007Fu, Network.SAddr(IpAddr.LoopbackV4));
        Assert.Equal(0x010200C0u, Network.SAddr(IpAddr.V4(192, 0, 2, 1)));
    }

    [Fact]
    public void AddThenShow_RoundTripsEveryAddress() =>
        Prop.ForAll<uint>(v =>
        {
            var network = new Network();
            Parse(network, "add." + v.ToString("X", CultureInfo.InvariantCulture) + "\n");
            return Encoding.ASCII.GetString(Ipv4File.Show(network)) == v.ToString("X", CultureInfo.InvariantCulture) + "\n";
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnEntry_AllowsExactlyTheAddressWithItsBytesReversed() =>
        Prop.ForAll<uint>(v =>
        {
            var (a, b, c, d) = ((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
            var network = new Network();
            Parse(network, string.Create(CultureInfo.InvariantCulture, $"add.{d:X2}{c:X2}{b:X2}{a:X2}"));
            return network.Allows(Network.SAddr(IpAddr.V4(a, b, c, d)));
        }).QuickCheckThrowOnFailure();

    private static Errno Parse(Network network, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        var buffer = new byte[bytes.Length + 1];
        bytes.CopyTo(buffer, 0);
        return Ipv4File.Parse(network, buffer);
    }
}
