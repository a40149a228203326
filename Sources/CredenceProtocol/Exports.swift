// Clients of the wire layer read and write base64 and hex with it; they need not import the primitives too.
@_exported public import CredencePrimitives
