using System.Globalization;
using CustomerCare.Conversation;

namespace CustomerCare.Tests.Dialogs;

/// <summary>How an arrival compares with its schedule, as the customer reads it: never "0 h -1 min late".</summary>
public sealed class LatenessTextTests
{
    [Theory]
    [InlineData("en-US", 125, "2 h 5 min late")]
    [InlineData("en-US", 12, "12 min late")]
    [InlineData("en-US", 0, "on time")]
    [InlineData("en-US", -1, "1 min early")]
    [InlineData("en-US", -75, "1 h 15 min early")]
    [InlineData("de-DE", 125, "2 Std. 5 Min. verspätet")]
    [InlineData("de-DE", 0, "pünktlich")]
    [InlineData("de-DE", -1, "1 Min. zu früh")]
    public void AnArrival_IsLateOnTimeOrEarly(string locale, int minutes, string expected)
        => Assert.Equal(expected, RemedyTexts.Lateness(TimeSpan.FromMinutes(minutes), CultureInfo.GetCultureInfo(locale)));
}
