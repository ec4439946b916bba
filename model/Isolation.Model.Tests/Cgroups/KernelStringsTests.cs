using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Kernel.Cgroups;

namespace Isolation.Model.Tests.Cgroups;

/// <summary>lib/kstrtox.c kstrtoint, lib/vsprintf.c vsscanf %X, lib/string_helpers.c strim (6.12).</summary>
public sealed class KernelStringsTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("+0", 0)]
    [InlineData("-0", 0)]
    [InlineData("0x0", 0)]
    [InlineData("123\n", 123)]
    [InlineData("0x1F", 31)]
    [InlineData("017", 15)]
    [InlineData("-5", -5)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void Kstrtoint_AcceptsWhatTheKernelAccepts(string text, int expected)
    {
        Assert.True(KernelStrings.TryParseInt(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("08")]
    [InlineData("1 2")]
    [InlineData("1\n\n")]
    [InlineData("+-1")]
    [InlineData("2147483648")]
    [InlineData("0x")]
    [InlineData("99999999999999999999999")]
    public void Kstrtoint_RefusesWhatTheKernelRefuses(string text) =>
        Assert.False(KernelStrings.TryParseInt(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("0100007F", 0x0100007Fu)]
    [InlineData("  ab12ffff", 0xAB12FFFFu)]
    [InlineData("0x10", 0x10u)]
    [InlineData("0x", 0u)]
    [InlineData("10.0.0.1", 0x10u)]
    [InlineData("123456789", 0x23456789u)]
    [InlineData("FF\n", 0xFFu)]
    public void ScanHex_ReadsLikeSscanfPercentX(string text, uint expected) =>
        Assert.Equal(expected, KernelStrings.ScanHex(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("-1")]
    [InlineData("\n")]
    public void ScanHex_WithNoHexDigit_ConvertsNothing(string text) =>
        Assert.Null(KernelStrings.ScanHex(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void ScanHex_ReadsBackWhatPercentXPrints() =>
        Prop.ForAll<uint>(v => KernelStrings.ScanHex(Encoding.ASCII.GetBytes(v.ToString("X", CultureInfo.InvariantCulture) + "\n")) == v)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Strim_StopsAtTheFirstNulAndTrimsBothEnds() =>
        Assert.Equal("a b", Encoding.ASCII.GetString(KernelStrings.Strim("\t a b \n\0 c"u8)));
}
