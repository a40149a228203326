/// How long negative information stays on a person's file (FCRA §605(a)): a delinquency, a charge-off, a
/// collection or a lost chargeback is left out of every feature once it is 7 years old at the as-of date, a
/// bankruptcy once it is 10 years old. Ages are whole calendar months, so an item dated 2017-03-15 is excluded
/// from 2024-03-15 on.
public enum ObsolescenceRule {
    /// 7 years.
    public static let negativeItemMonths = 84
    /// 10 years.
    public static let bankruptcyMonths = 120
}
