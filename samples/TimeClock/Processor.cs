using FaceCompliance;

[assembly: FacialDataProcessor("Prairie Tools Inc.", "privacy@prairie-tools.example", NameEn = "Prairie Tools Inc.",
    ComplaintChannel = "privacy@prairie-tools.example")]

// Illinois BIPA: the public written retention and destruction policy is published at this address before any
// collection (§15(a)); the generated ClockIn.BiometricRetentionPolicy is its text (FC0130 fails the build without it).
[assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://prairie-tools.example/biometric-policy")]
