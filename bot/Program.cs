using CustomerCare.Bot.Health;
using CustomerCare.Bot.Payouts;
using CustomerCare.Bot.Cli;
using CustomerCare.Bot.Connector;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Hosting;
using CustomerCare.Bot.Http;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Telemetry;

if (args is ["nlu", .. var nluArgs])
{
    return NluCommand.Run(nluArgs, Console.Out, Console.Error, Path.Combine(AppContext.BaseDirectory, "data", "nlu"));
}

if (args is ["teams", .. var teamsArgs])
{
    return TeamsPackageCommand.Run(teamsArgs, Console.Out, Console.Error);
}

if (args is ["import", .. var importArgs])
{
    return ImportCommand.Run(importArgs, "data/customercare.db", Console.Out, Console.Error);
}

if (args is ["migrate", .. var migrateArgs])
{
    return await MigrateCommand.RunAsync(migrateArgs, Console.Out, Console.Error);
}

if (args is ["export-customer", .. var exportArgs])
{
    return await ExportCustomerCommand.RunAsync(exportArgs, Console.Out, Console.Error);
}

if (args is ["erase-customer", .. var eraseArgs])
{
    return await EraseCustomerCommand.RunAsync(eraseArgs, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddRequestLimits();
builder.Services.AddCustomerCareBot(builder.Configuration);
builder.Services.AddBotConnector();
builder.Services.AddDirectLine();
builder.Services.AddSupervisors(builder.Configuration, builder.Environment);
builder.Services.AddReadinessChecks();
builder.Services.AddRateLimits();
builder.Services.AddTelemetry(builder.Configuration);

var app = builder.Build();
app.UseRateLimits();
app.UseWebSockets();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapBotMessages();
app.MapWebChatToken();
app.MapDirectLine();
app.MapSupervisors();
app.MapPayoutStatus();
app.MapHealth();
await app.RunAsync();
// Non-zero when the host was stopped for a restart (the data file's engine closed, see DataFileEngineWatch).
return Environment.ExitCode;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
