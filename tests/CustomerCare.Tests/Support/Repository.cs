namespace CustomerCare.Tests.Support;

/// <summary>The repository the tests run from (found by its CustomerCare.sln), for data files, templates and built binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
