/// An image format a script can render to; the raw value is what `format='…'` selects.
public enum ImageFormat: String, CaseIterable, Hashable, Sendable {
  case png
  case svg
  case pdf

  /// The file extension of the rendered image.
  public var fileExtension: String { rawValue }
}
