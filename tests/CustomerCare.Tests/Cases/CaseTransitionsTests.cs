using CustomerCare.Cases;

namespace CustomerCare.Tests.Cases;

public sealed class CaseTransitionsTests
{
    [Theory]
    [InlineData(CaseStatus.Open, CaseStatus.Taken, true)]
    [InlineData(CaseStatus.Taken, CaseStatus.Taken, true)]
    [InlineData(CaseStatus.Taken, CaseStatus.Rating, true)]
    [InlineData(CaseStatus.Rating, CaseStatus.Closed, true)]
    [InlineData(CaseStatus.Open, CaseStatus.Rating, false)]
    [InlineData(CaseStatus.Open, CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Rating, CaseStatus.Taken, false)]
    [InlineData(CaseStatus.Closed, CaseStatus.Open, false)]
    [InlineData(CaseStatus.Closed, CaseStatus.Taken, false)]
    public void ACase_MovesOnlyForward(CaseStatus from, CaseStatus to, bool allowed) => Assert.Equal(allowed, CaseTransitions.Allows(from, to));
}
