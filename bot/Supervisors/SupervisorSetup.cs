
namespace CustomerCare.Bot.Supervisors;

/// <summary>The supervisors' area: sign-in, server-rendered pages under /supervisors, downloads, the access log and transcript retention.</summary>
public static class SupervisorSetup
{
    /// <summary>The supervisors' pages; every page must be listed here or below, or it is open to anyone.</summary>
    private static readonly string[] SupervisorPages = ["/Index", "/Conversation", "/Fairness", "/AccessLog"];

    public static IServiceCollection AddSupervisors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSupervisorAccess(configuration, environment);
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Supervisors/Pages";
            foreach (var page in SupervisorPages)
            {
                pages.Conventions.AuthorizePage(page, SupervisorAccess.Policy);
            }
            pages.Conventions.AuthorizePage("/CaseTranscript", SupervisorAccess.CaseReaderPolicy);
            pages.Conventions.AuthorizePage("/SignOut");
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Denied");
        });
        services.AddSingleton<ConversationSearch>();
        services.AddSingleton<ConversationTimeline>();
        services.AddSingleton<SupervisorReviews>();
        services.AddSingleton<TranscriptAccessLog>();
        services.AddSingleton<FairnessSource>();
        services.AddHostedService<TranscriptRetention>();
        return services;
    }

    public static WebApplication MapSupervisors(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapSupervisorExports();
        return app;
    }
}
