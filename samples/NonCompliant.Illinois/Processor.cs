using FaceCompliance;

[assembly: FacialDataProcessor("Prairie Tools Inc.", "privacy@prairie-tools.example", NameEn = "Prairie Tools Inc.")]

// Illinois, but no PublicRetentionPolicyUrl: BIPA §15(a) requires a public written retention and destruction policy
// before collection, so every purpose serving Illinois is reported (FC0130, at the purpose).
[assembly: OperatesIn(Jurisdiction.US_IL)]
