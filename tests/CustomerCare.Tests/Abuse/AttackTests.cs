namespace CustomerCare.Tests.Abuse;

/// <summary>Each attack runs against a bot of its own, started for the test: nothing one attack leaves behind helps another.</summary>
public abstract class AttackTests : IAsyncLifetime
{
    protected AttackedBot Bot { get; set; } = null!;

    public virtual async Task InitializeAsync() => Bot = await StartBotAsync();

    /// <summary>The bot the attack runs against: on the data file, unless a class runs the same attacks on another store.</summary>
    protected virtual Task<AttackedBot> StartBotAsync() => AttackedBot.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
