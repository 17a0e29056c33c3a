using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// <c>migrate</c>: brings the PostgreSQL schema at <c>ConnectionStrings:CustomerCare</c> to this build's version, as
/// the bot does when it starts, and says what it applied. Safe to run again, and while instances run.
/// </summary>
public static class MigrateCommand
{
    public const string Usage = """
        usage: migrate [--ConnectionStrings:CustomerCare "Host=...;Database=...;Username=...;Password=..."] [--Storage:PostgreSqlAuthentication EntraId]
          The connection string comes from configuration as for the bot: appsettings.json, environment (ConnectionStrings__CustomerCare), or the command line.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--help" or "-h", ..])
        {
            output.WriteLine(Usage);
            return 0;
        }
        try
        {
            var configuration = Host.CreateApplicationBuilder(args).Configuration;
            var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            await using var dataSource = PostgreSqlDataSources.Create(configuration.GetConnectionString(StorageOptions.ConnectionStringName), options);
            var result = await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None).ConfigureAwait(false);
            foreach (var step in result.Applied)
            {
                output.WriteLine($"applied {step.Version:0000}_{step.Name}");
            }
            output.WriteLine(result.Applied.Count == 0
                ? $"schema already at version {result.ToVersion}"
                : $"schema at version {result.ToVersion} (was {result.FromVersion})");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or Azure.Identity.AuthenticationFailedException)
        {
            // The cause too: "An exception was thrown from the periodic password provider" alone says nothing.
            error.WriteLine("migrate: " + string.Join(" — ", Causes(e).Distinct()));
            return 1;
        }
    }

    private static IEnumerable<string> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
