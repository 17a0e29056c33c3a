using CustomerCare.Bot.Cli;

namespace CustomerCare.Tests.Operations;

public sealed class ImportArgumentsTests
{
    [Fact]
    public void SettingsPairUpByPosition_WhateverTheirValues_AndEveryOtherArgumentIsAFile()
    {
        Assert.True(ImportArguments.TryParse(["a.json", "--DemoData:Enabled", "false", "--Recognition:Enabled", "false", "--Storage:Provider", "PostgreSql",
            "--ConnectionStrings:CustomerCare", "Host=127.0.0.1;Port=1", "--data", "x6.db", "a.json"], out var parsed, out _));

        Assert.Equal(["a.json", "a.json"], parsed.Files);
        Assert.Equal("PostgreSql", parsed.Settings["Storage:Provider"]);
        Assert.Equal("Host=127.0.0.1;Port=1", parsed.Settings["ConnectionStrings:CustomerCare"]);
        Assert.Equal("false", parsed.Settings["DemoData:Enabled"]);
        Assert.Equal("x6.db", parsed.DataPath);
    }

    [Fact]
    public void AFileNamedLikeASettingsValue_IsStillAFile_AndKeyEqualsValue_TakesNoFile()
    {
        Assert.True(ImportArguments.TryParse(["PostgreSql", "--Storage:Provider", "PostgreSql"], out var named, out _));
        Assert.True(ImportArguments.TryParse(["--Storage__Provider=PostgreSql", "a.json"], out var equals, out _));

        Assert.Equal(["PostgreSql"], named.Files);
        Assert.Equal("PostgreSql", named.Settings["Storage:Provider"]);
        Assert.Equal(["a.json"], equals.Files);
        Assert.Equal("PostgreSql", equals.Settings["Storage:Provider"]);
    }

    [Theory]
    [InlineData("a.json", "--data")]
    [InlineData("--Storage:Provider", "--data", "x.db")]
    [InlineData("a.json", "--")]
    public void ASettingWithoutItsValue_IsRefused(params string[] args)
    {
        Assert.False(ImportArguments.TryParse(args, out _, out var problem));
        Assert.Contains("needs a value", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltProvider_IsAClearErrorAndImportsNothing()
    {
        var data = Support.BotHost.TempDataPath();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = ImportCommand.Run([Support.Repository.PathOf("bot", "Data", "demo-data.json"), "--Storage:Provider", "Postgres", "--data", data], data, output, error);

        Assert.Equal(2, exit);
        Assert.Contains("Storage:Provider is 'Postgres'; it must be LiteDb or PostgreSql", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(data));
    }
}
