using CustomerCare.Ledger.Fairness;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>The fairness report: the same disruption should get the same remedy across tiers, channels and agents.</summary>
public sealed class FairnessModel(FairnessSource source) : PageModel
{
    public FairnessReport Report { get; private set; } = new([], [], 0, 0);

    public ConversationQuery Query { get; private set; } = new();

    public async Task OnGetAsync()
    {
        Query = SupervisorQueryString.Parse(Request.Query);
        Report = await source.BuildAsync(Query.From, Query.To, HttpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Bar width in percent of the group's largest mean, for the charts.</summary>
    public static int Width(decimal value, decimal max) => max <= 0 ? 0 : (int)Math.Round(value / max * 100m);
}
