using System;

namespace FaceCompliance;

/// <summary>
/// Marks an API that processes facial information (Measures Art. 19: applying face recognition technology).
/// Every use of it (a call, object creation, property access or delegate conversion) must sit where a purpose
/// is declared (Art. 4, FC0001), after a consent check on every path (Art. 6, FC0002), and, for 1:1 or 1:N
/// identity methods, beside a non-biometric alternative (Art. 10, FC0003). On a type it marks the methods, properties
/// and indexers that take or return something that can carry facial data (not constructors, settings of simple values,
/// factories, <c>Dispose</c>, equality members or nested types; docs/semantics.md, "Facial-data uses"). Inside a marked
/// member, those obligations move to its callers, as for a wrapper.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property
    | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ProcessesFacialDataAttribute : Attribute
{
    /// <summary>Marks an API with the processing method it performs.</summary>
    /// <param name="method">What the API does with the face; compared with the caller's purpose (FC0005).</param>
    public ProcessesFacialDataAttribute(FacialProcessingMethod method) => Method = method;

    /// <summary>What the API does with the face.</summary>
    public FacialProcessingMethod Method { get; }

    /// <summary>
    /// Whether the API sends facial data off the device (to a cloud service; Measures Art. 8 §1). Its callers must then
    /// sit under a purpose that stores on a server and names the recipient (FC0013). A wrapper that calls an off-device
    /// API must say so here, or the call inside it is reported.
    /// </summary>
    public bool OffDevice { get; set; }

    /// <summary>
    /// Whether the API provides facial data to another personal information processor (exports templates to it, hands
    /// it images; PIPL Art. 23). Its callers must then sit under a purpose that declares a complete
    /// <see cref="FacialDataRecipientAttribute"/> (FC0019). A wrapper that calls such an API must say so here, or the
    /// call inside it is reported. Setting <see cref="RecipientId"/> implies it.
    /// </summary>
    public bool ProvidesToRecipient { get; set; }

    /// <summary>
    /// The <see cref="FacialDataRecipientAttribute.Id"/> of the one recipient the API provides facial data to; its
    /// callers' purpose must declare that recipient (FC0019). When empty, any complete recipient of the purpose will do.
    /// </summary>
    public string? RecipientId { get; set; }

    /// <summary>
    /// What an <see cref="FacialProcessingMethod.AttributeAnalysis"/> API estimates from a face. Its callers must sit
    /// under a purpose that declares every one of them (FC0016); a wrapper that calls an attribute API must name at
    /// least that API's attributes here, or the call inside it is reported. An AttributeAnalysis API that names none is
    /// reported where it is used: what it estimates cannot be told.
    /// </summary>
    public FacialAttributes Attributes { get; set; }
}
