import Crypto
import SwiftASN1
import X509

/// Reading certificates and keys from the PEM text of files, and writing PEM that ends with a newline.
enum PEMText {
    /// The PEM of a DER document, ending with a newline as PEM files conventionally do.
    static func encode(_ document: PEMDocument) -> String {
        document.pemString + "\n"
    }

    /// The PEM of a certificate, ending with a newline.
    static func encode(_ certificate: Certificate) throws(DevelopmentPKIError) -> String {
        do {
            return encode(try certificate.serializeAsPEM())
        } catch {
            throw DevelopmentPKIError(.issuanceFailed, "could not encode the certificate: \(error)")
        }
    }

    /// Every `CERTIFICATE` block of `text`, in order; other blocks (keys, parameters) are skipped.
    static func certificates(in text: String, what: String) throws(DevelopmentPKIError) -> [Certificate] {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: withoutCarriageReturns(text))
        } catch {
            throw DevelopmentPKIError(
                .malformedCertificate,
                "the \(what) is not valid PEM (\(error)): pass the text of a .pem file starting with "
                    + "-----BEGIN CERTIFICATE-----")
        }
        let blocks = documents.filter { $0.discriminator == Certificate.defaultPEMDiscriminator }
        guard !blocks.isEmpty else {
            throw DevelopmentPKIError(
                .malformedCertificate, "the \(what) holds no -----BEGIN CERTIFICATE----- block")
        }
        var result: [Certificate] = []
        for block in blocks {
            result.append(try certificate(der: block.derBytes, what: what))
        }
        return result
    }

    /// The certificate encoded by DER bytes.
    static func certificate(der: [UInt8], what: String) throws(DevelopmentPKIError) -> Certificate {
        do {
            return try Certificate(derEncoded: der)
        } catch {
            throw DevelopmentPKIError(.malformedCertificate, "the \(what) is not a valid X.509 certificate: \(error)")
        }
    }

    /// `text` with every carriage return removed, so files saved with Windows line endings read as PEM.
    static func withoutCarriageReturns(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
    }

    /// The ECDSA P-256 private key held by `text`: PKCS#8 (`PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`, optionally
    /// after an `EC PARAMETERS` block, as `openssl ecparam -genkey` writes it).
    static func p256PrivateKey(in text: String, what: String) throws(DevelopmentPKIError) -> P256.Signing.PrivateKey {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: withoutCarriageReturns(text))
        } catch {
            throw DevelopmentPKIError(
                .malformedPrivateKey,
                "the \(what) is not valid PEM (\(error)): pass the text of a key file starting with "
                    + "-----BEGIN PRIVATE KEY-----")
        }
        let blocks = documents.filter { $0.discriminator != "EC PARAMETERS" }
        guard blocks.count == 1, let block = blocks.first else {
            throw DevelopmentPKIError(
                .malformedPrivateKey,
                "the \(what) must hold exactly one private key block; it holds \(blocks.count) PEM blocks")
        }
        switch block.discriminator {
        case "ENCRYPTED PRIVATE KEY":
            throw DevelopmentPKIError(
                .malformedPrivateKey,
                "the \(what) is encrypted: decrypt it first (openssl pkey -in key.pem -out plain-key.pem) and "
                    + "protect the file with mode 0600 instead")
        case "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY":
            break
        default:
            throw DevelopmentPKIError(
                .malformedPrivateKey, "the \(what) holds a '\(block.discriminator)' block, not a private key")
        }
        let generic: Certificate.PrivateKey
        do {
            generic = try Certificate.PrivateKey(pemDocument: block)
        } catch {
            throw DevelopmentPKIError(.malformedPrivateKey, "the \(what) cannot be read as a private key: \(error)")
        }
        guard let p256 = try? P256.Signing.PrivateKey(derRepresentation: block.derBytes),
            Certificate.PrivateKey(p256) == generic
        else {
            throw DevelopmentPKIError(
                .unsupportedKey,
                "the \(what) is a \(generic) key; the development CA uses ECDSA P-256 keys only "
                    + "(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256)")
        }
        return p256
    }
}
