using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Designs.Bsdjail;

namespace Isolation.Model.Tests.Designs.Bsdjail;

/// <summary>The kernel text routines bsdjail parses /proc/self/attr/exec with (lib/vsprintf.c, lib/kstrtox.c).</summary>
public sealed class JailTextTests
{
    [Theory]
    [InlineData("30", 0, 30UL)]
    [InlineData("0x20", 0, 32UL)]
    [InlineData("010", 0, 8UL)]
    [InlineData("08", 0, 0UL)]
    [InlineData("-5", 0, 0UL)]
    [InlineData(" 5", 0, 0UL)]
    [InlineData("12abc", 0, 12UL)]
    [InlineData("0x", 16, 0UL)]
    [InlineData("ff", 16, 255UL)]
    public void SimpleStrtoul_TakesNoSignNorSpaceAndPicksTheBaseFromThePrefix(string text, int radix, ulong expected) =>
        Assert.Equal(expected, JailText.Strtoul(text, 0, radix, out _));

    [Fact]
    public void SimpleStrtol_NegatesAfterAMinus() => Assert.Equal(-2L, JailText.Strtol("-2", 0, 0));

    [Fact]
    public void SimpleStrtoul_WrapsOnOverflow() =>
        Assert.Equal(0UL, JailText.Strtoul("18446744073709551616", 0, 10, out _));

    [Theory]
    [InlineData("10.0.0.1", 4)]
    [InlineData(" 10. 0.0.1", 4)]
    [InlineData("10.0.0", 3)]
    [InlineData("10.0.0.", 3)]
    [InlineData("10..0.1", 1)]
    [InlineData("a.b.c.d", 0)]
    [InlineData("-1.0.0.1", 0)]
    [InlineData("1.2.3.4 junk", 4)]
    public void Sscanf_CountsTheConversionsMade(string text, int conversions) =>
        Assert.Equal(conversions, JailText.ScanUnsigned(text, '.', 10, new uint[4]));

    [Fact]
    public void Sscanf_HexGroupsNeedAllEight()
    {
        var groups = new uint[8];
        Assert.Equal(8, JailText.ScanUnsigned("2001:db8:0:0:0:0:0:0x5", ':', 16, groups));
        Assert.Equal(5u, groups[7]);
        Assert.Equal(2, JailText.ScanUnsigned("2001:db8::5", ':', 16, new uint[8]));
    }

    [Fact]
    public void Sscanf_TruncatesToUnsignedInt()
    {
        var parts = new uint[4];
        JailText.ScanUnsigned("4294967297.0.0.1", '.', 10, parts);
        Assert.Equal(1u, parts[0]);
    }

    [Fact]
    public void Snprintf_WritesAtMostSizeMinusOneAndReturnsTheFullLength()
    {
        var buffer = new byte[8];
        Assert.Equal(11, JailText.Snprintf(buffer, 0, 4, "hello world"));
        Assert.Equal("hel\0"u8.ToArray(), buffer[..4]);
    }

    [Fact]
    public void Strtoul_ParsesEveryDecimalItPrinted() =>
        Prop.ForAll<ulong>(n => JailText.Strtoul(n.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, 10, out _) == n)
            .QuickCheckThrowOnFailure();
}
