import CommerceExports
import CredenceProtocol

/// How an order was paid, as the batch states it: the method class and, for pay-later, the provider.
///
/// Shopify names payment gateways (`payment_gateway_names`, a transaction's `gateway`) and Stripe names
/// payment method types (`payment_method_details.type`); both are mapped by the tables below. A name in
/// no table is `other`: the payment method is descriptive, not a normative code with a quarantine rule.
struct PaymentClass: Sendable, Equatable {
    var method: CommerceEvent.PaymentMethod
    var bnplProvider: RawCode?

    static let other = PaymentClass(method: .other, bnplProvider: nil)

    /// Pay-later providers by the names gateways and payment method types use, to the provider's own name.
    /// Shop Pay Installments is financed by Affirm.
    static let payLaterProviders: [String: String] = [
        "klarna": "klarna", "klarna_payments": "klarna", "klarna_checkout": "klarna",
        "affirm": "affirm", "shop_pay_installments": "affirm",
        "afterpay": "afterpay", "clearpay": "afterpay", "afterpay_clearpay": "afterpay",
        "zip": "zip", "zip_pay": "zip", "quadpay": "zip",
        "sezzle": "sezzle", "atome": "atome", "tabby": "tabby", "tamara": "tamara", "scalapay": "scalapay",
        "alma": "alma", "laybuy": "laybuy", "humm": "humm", "paybright": "paybright", "katapult": "katapult",
        "huabei": "huabei", "alipay_huabei": "huabei", "jd_baitiao": "jd_baitiao",
    ]

    /// Every other gateway or payment method type whose class is known.
    static let methods: [String: CommerceEvent.PaymentMethod] = {
        var table: [String: CommerceEvent.PaymentMethod] = [:]
        let groups: [(CommerceEvent.PaymentMethod, [String])] = [
            (
                .card,
                [
                    "card", "card_present", "interac_present", "credit_card", "shopify_payments", "stripe",
                    "authorize_net", "braintree", "adyen", "checkout_com", "cybersource", "moneris", "worldpay",
                    "square", "bogus", "shop_pay",
                ]
            ),
            (
                .wallet,
                [
                    "paypal", "paypal_express", "alipay", "wechat_pay", "wechatpay", "link", "cashapp", "amazon_pay",
                    "apple_pay", "google_pay", "samsung_pay", "revolut_pay", "grabpay", "kakao_pay", "naver_pay",
                    "mobilepay", "twint", "swish", "satispay",
                ]
            ),
            (
                .bankTransfer,
                [
                    "bank_transfer", "bank_deposit", "us_bank_account", "ach_debit", "ach_credit_transfer",
                    "sepa_debit", "sepa_credit_transfer", "bacs_debit", "au_becs_debit", "acss_debit",
                    "nz_bank_account", "ideal", "sofort", "bancontact", "giropay", "eps", "p24", "fpx", "blik",
                    "pay_by_bank", "promptpay", "pix",
                ]
            ),
            (.cod, ["cod", "cash_on_delivery", "cash_on_delivery_cod"]),
            (.storeCredit, ["store_credit", "shopify_store_credit", "customer_balance"]),
            (.giftCard, ["gift_card"]),
        ]
        for (method, names) in groups {
            for name in names { table[name] = method }
        }
        return table
    }()

    /// The class of one gateway or payment method type name, after folding `Cash on Delivery (COD)` to
    /// `cash_on_delivery_cod`.
    static func classify(name: String) -> PaymentClass? {
        let folded = fold(name)
        if let provider = payLaterProvider(folded) {
            return PaymentClass(method: .bnpl, bnplProvider: RawCode(unchecked: provider))
        }
        return methods[folded].map { PaymentClass(method: $0, bnplProvider: nil) }
    }

    /// The class of an order paid through `names` (in the order Shopify lists them): pay-later when any of
    /// them is, since the instalment plan is what bears on credit; otherwise the first known name's class.
    static func classify(gatewayNames names: [String]) -> PaymentClass {
        let classes = names.compactMap(classify(name:))
        return classes.first { $0.method == .bnpl } ?? classes.first ?? .other
    }

    /// The class of a Stripe payment method (`payment_method_details.type`).
    static func classify(stripeType type: String?) -> PaymentClass {
        type.flatMap(classify(name:)) ?? .other
    }

    /// The provider of a folded name: the whole name, or one of its words (`klarna_pay_later`).
    private static func payLaterProvider(_ folded: String) -> String? {
        if let provider = payLaterProviders[folded] { return provider }
        return folded.split(separator: "_").lazy.compactMap { payLaterProviders[String($0)] }.first
    }

    /// Lower case, every run of characters other than ASCII letters and digits as one `_`, none at the ends.
    private static func fold(_ name: String) -> String {
        var folded = ""
        var pendingSeparator = false
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                if pendingSeparator, !folded.isEmpty { folded.append("_") }
                pendingSeparator = false
                folded.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return folded
    }
}
