namespace CustomerCare.Cases;

/// <summary>Where open cases are kept until a person takes them.</summary>
public interface ICaseStore
{
    /// <summary>Durably records the case; returns only once it is stored.</summary>
    Task OpenAsync(CaseFile caseFile, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseFile>> ListOpenAsync(CancellationToken cancellationToken);
}
