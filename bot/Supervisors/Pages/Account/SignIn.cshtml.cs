using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>Starts Entra ID sign-in, or offers the development sign-in when (and only when) it is enabled.</summary>
public sealed class SignInModel(SupervisorSignInMode mode, IOptions<SupervisorOptions> options) : PageModel
{
    public SupervisorSignInMode Mode => mode;

    public string ReturnUrl { get; private set; } = SupervisorAccess.BasePath;

    public string? Error { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        return mode.EntraId
            ? Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl }, SupervisorAccess.EntraIdScheme)
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? role, string? objectId, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        if (!mode.Development)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(name) || name.Length > 80)
        {
            Error = "Enter a name (up to 80 characters).";
            return Page();
        }
        var claims = new List<Claim>
        {
            new(SupervisorAccess.NameClaim, name.Trim()),
            new(SupervisorAccess.DevelopmentClaim, "true"),
        };
        if (!string.IsNullOrWhiteSpace(objectId))
        {
            claims.Add(new Claim(SupervisorUser.ObjectIdClaim, objectId.Trim()));
        }
        if (role is "supervisor" or "agent")
        {
            claims.Add(new Claim(SupervisorAccess.RoleClaim, role == "agent" ? options.Value.AgentRole : options.Value.Role));
        }
        var identity = new ClaimsIdentity(claims, "Development", SupervisorAccess.NameClaim, SupervisorAccess.RoleClaim);
        await HttpContext.SignInAsync(SupervisorAccess.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Only paths inside the supervisors' and agents' pages, so the sign-in cannot be used to redirect elsewhere.</summary>
    private static string Local(string? returnUrl)
        => returnUrl is { Length: > 0 } url && (url.StartsWith(SupervisorAccess.BasePath, StringComparison.Ordinal) || url.StartsWith("/agents/", StringComparison.Ordinal)) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : SupervisorAccess.BasePath;
}
