namespace CustomerCare.Bot.Supervisors;

/// <summary>The supervisors' area: sign-in, server-rendered pages under /supervisors, downloads, the access log and transcript retention.</summary>
public static class SupervisorSetup
{

    public static IServiceCollection AddSupervisors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSupervisorAccess(configuration, environment);
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Supervisors/Pages";
            // Secure by folder, so a new page is protected by where it lives: Review/ for supervisors, Agents/ for
            // agents and supervisors, Account/ signed in except the sign-in and no-access pages.
            pages.Conventions.AuthorizeFolder("/Review", SupervisorAccess.Policy);
            pages.Conventions.AuthorizeFolder("/Agents", SupervisorAccess.CaseReaderPolicy);
            pages.Conventions.AuthorizeFolder("/Account");
            pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Account/Denied");
        });
        services.AddSingleton<ConversationTimeline>();
        services.AddSingleton<TranscriptAccessLog>();
        services.AddSingleton<FairnessSource>();
        services.AddHostedService<DataRetention>();
        return services;
    }

    public static WebApplication MapSupervisors(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapSupervisorExports();
        return app;
    }
}
