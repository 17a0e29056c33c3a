using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Privacy;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// The stores a privacy command works on, composed as the bot composes them from configuration (appsettings.json,
/// environment, the command's settings): the data file, or PostgreSQL (its schema brought up to date first, as
/// import does). Nothing runs in the background.
/// </summary>
internal static class PrivacyCommandHost
{
    /// <summary>Opens the stores; null (with the reason written) when they cannot be opened.</summary>
    public static async Task<IHost?> OpenAsync(string command, IReadOnlyDictionary<string, string?> settings, TextWriter error)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        // The command writes its own output (a JSON document may go to standard output): the stores log nowhere.
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var configuration = builder.Configuration;
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddLiteDbStores();
        if (options.Provider == StorageProvider.PostgreSql)
        {
            await using (var dataSource = PostgreSqlDataSources.Create(configuration.GetConnectionString(StorageOptions.ConnectionStringName), options))
            {
                await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None).ConfigureAwait(false);
            }
            services.AddPostgreSqlStores();
        }
        else if (!File.Exists(Path.GetFullPath(options.DataPath)))
        {
            error.WriteLine($"{command}: there is no data file at {options.DataPath} (give it with --data PATH).");
            return null;
        }
        services.AddSingleton<LiteDbOperationsData>();
        services.TryAddSingleton<IOperationsStore>(provider => provider.GetRequiredService<LiteDbOperationsData>());
        services.AddSingleton<CustomerCare.Operations.IOperationsData>(provider => provider.GetRequiredService<IOperationsStore>());
        services.AddCustomerPrivacy();
        var host = builder.Build();
        try
        {
            // Opens the data file now: one process owns it, so a running bot is found here.
            _ = options.Provider == StorageProvider.PostgreSql ? null : host.Services.GetRequiredService<LiteDbFile>();
            return host;
        }
        catch (IOException)
        {
            host.Dispose();
            error.WriteLine($"{command}: the data file {options.DataPath} is in use (is the bot running?). Stop it and run the command again.");
            return null;
        }
    }
}
