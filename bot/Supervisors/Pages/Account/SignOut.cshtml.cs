using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>Ends the supervisor's session (POST only, with the antiforgery token).</summary>
public sealed class SignOutModel(SupervisorSignInMode mode) : PageModel
{
    public IActionResult OnGet() => Redirect(SupervisorAccess.BasePath);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SupervisorAccess.Scheme).ConfigureAwait(false);
        if (mode.EntraId)
        {
            // Also end the Entra ID session, or the next sign-in would be silent.
            return SignOut(new AuthenticationProperties { RedirectUri = SupervisorAccess.BasePath }, SupervisorAccess.EntraIdScheme);
        }
        return Redirect(SupervisorAccess.BasePath + "/sign-in");
    }
}
