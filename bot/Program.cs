using CustomerCare.Bot.Connector;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRequestLimits();
builder.Services.AddCustomerCareBot(builder.Configuration);
builder.Services.AddBotConnector();
builder.Services.AddDirectLine();

var app = builder.Build();
app.UseWebSockets();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapBotMessages();
app.MapWebChatToken();
app.MapDirectLine();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
