using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// Who may open the supervisors' pages (and agents the transcript of a case): a cookie session, started by Microsoft Entra ID (OpenID
/// Connect, app role "Supervisor") in production or by the development sign-in locally. Pages redirect an anonymous
/// visitor to sign in; data downloads answer 401. Customers' Direct Line tokens and agents' Teams tokens open nothing here.
/// </summary>
public static class SupervisorAccess
{
    public const string Scheme = "Supervisors";
    public const string EntraIdScheme = "EntraId";
    public const string Policy = "Supervisor";
    public const string CaseReaderPolicy = "CaseReader";
    public const string RoleClaim = "roles";
    public const string NameClaim = "name";
    public const string DevelopmentClaim = "customercare/development-sign-in";

    /// <summary>When the session was signed in (ISO 8601 UTC); a sliding renewal of the cookie keeps it.</summary>
    public const string SignedInClaim = "customercare/signed-in-utc";

    /// <summary>How long a session lasts from its sign-in, however active it is.</summary>
    public static readonly TimeSpan SessionLimit = TimeSpan.FromHours(12);
    public const string BasePath = "/supervisors";

    public static IServiceCollection AddSupervisorAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SupervisorOptions.Section).Get<SupervisorOptions>() ?? new SupervisorOptions();
        services.AddOptions<SupervisorOptions>().BindConfiguration(SupervisorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The development sign-in lets anyone in: only in the Development environment, never beside Entra ID.
        var mode = new SupervisorSignInMode(options.EntraId.IsConfigured, environment.IsDevelopment() && options.DevelopmentSignIn != false && !options.EntraId.IsConfigured);
        services.AddSingleton(mode);

        var authentication = services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "CustomerCare.Supervisor";
            cookie.Cookie.Path = "/";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = BasePath + "/sign-in";
            cookie.AccessDeniedPath = BasePath + "/denied";
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnSigningIn = context =>
            {
                // The sign-in itself (the development page's or Entra ID's); a renewal does not come here.
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInClaim))
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    identity.AddClaim(new System.Security.Claims.Claim(SignedInClaim, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
                }
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                // A development session stops working where the development sign-in is off; every session ends 12 hours
                // after its sign-in however active (the cookie's own issue time moves with each renewal), so a role
                // taken away in Entra ID takes effect at the next sign-in.
                var development = context.Principal?.HasClaim(c => c.Type == DevelopmentClaim) == true;
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                var signedIn = DateTimeOffset.TryParse(context.Principal?.FindFirst(SignedInClaim)?.Value, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at : (DateTimeOffset?)null;
                if ((development && !mode.Development) || signedIn is null || now - signedIn.Value >= SessionLimit || signedIn.Value > now.AddMinutes(5))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
                }
            };
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });
        if (options.EntraId.IsConfigured)
        {
            authentication.AddOpenIdConnect(EntraIdScheme, oidc =>
            {
                oidc.SignInScheme = Scheme;
                oidc.Authority = options.EntraId.Instance.TrimEnd('/') + "/" + options.EntraId.TenantId + "/v2.0";
                oidc.ClientId = options.EntraId.ClientId;
                oidc.ClientSecret = options.EntraId.ClientSecret;
                oidc.RequireHttpsMetadata = options.EntraId.RequireHttpsMetadata;
                oidc.ResponseType = "code";
                oidc.CallbackPath = BasePath + "/signin-oidc";
                oidc.SignedOutCallbackPath = BasePath + "/signout-oidc";
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = NameClaim;
                oidc.TokenValidationParameters.RoleClaimType = RoleClaim;
            });
        }
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(options.Role))
            .AddPolicy(CaseReaderPolicy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(options.Role, options.AgentRole));
        return services;
    }

    /// <summary>Pages get a redirect; downloads and anything not asking for HTML get the bare status code.</summary>
    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var wantsPage = Path.GetExtension(request.Path.Value) is null or "" && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (wantsPage)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }
        return Task.CompletedTask;
    }
}

/// <summary>Which sign-in this host offers.</summary>
public sealed record SupervisorSignInMode(bool EntraId, bool Development);
