namespace FaceCompliance.Notice;

/// <summary>
/// The runtime's storage, category and measure values and attribute names, mirrored by value because analyzers and
/// generators never reference the runtime assembly. A test compares them with the runtime's own enums. The processing
/// methods are not here: they and their table are defined once, in <c>src/Shared/Methods/ProcessingMethodTable.cs</c>.
/// </summary>
internal static class DeclarationValues
{
    public const string ProcessorAttribute = "FaceCompliance.FacialDataProcessorAttribute";
    public const string PurposeAttribute = "FaceCompliance.FacialDataPurposeAttribute";
    public const string OperatesInAttribute = "FaceCompliance.OperatesInAttribute";

    public const int StorageOnDevice = 0;
    public const int StorageServer = 1;

    public static readonly string[] StorageNames = { "OnDevice", "Server" };

    public const int CategoryFaceImage = 1;
    public const int CategoryFaceTemplate = 2;
    public const int CategoryLinkedIdentity = 4;
    public const int CategoryLivenessSignal = 8;

    /// <summary>The attribute's default: <c>FaceImage | FaceTemplate</c>.</summary>
    public const int DefaultDataCategories = CategoryFaceImage | CategoryFaceTemplate;

    public static readonly (int Value, string Name)[] Categories =
    {
        (CategoryFaceImage, "FaceImage"), (CategoryFaceTemplate, "FaceTemplate"),
        (CategoryLinkedIdentity, "LinkedIdentity"), (CategoryLivenessSignal, "LivenessSignal"),
    };

    public static readonly (int Value, string Name)[] SecurityMeasures =
    {
        (1, "DataEncryption"), (2, "SecurityAudit"), (4, "AccessControl"), (8, "AuthorizationManagement"), (16, "IntrusionDetection"),
    };

    public static string StorageName(int storage) => storage >= 0 && storage < StorageNames.Length ? StorageNames[storage] : storage.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The names of the flags set in <paramref name="flags"/>, in table order (one definition: <see cref="Profiles.LawValues.FlagNames"/>).</summary>
    public static System.Collections.Generic.IEnumerable<string> FlagNames(int flags, (int Value, string Name)[] table) => Profiles.LawValues.FlagNames(flags, table);
}
