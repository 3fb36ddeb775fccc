// Original file: proto/oracle.proto


export interface ChartName {
  'given'?: (string);
  /**
   * the letters counted: the name, or its Latin transliteration
   */
  'counted'?: (string);
  /**
   * latin, persian, arabic, cyrillic, greek, hebrew, devanagari, han, kana, hangul, thai, armenian, georgian, other
   */
  'script'?: (string);
  /**
   * as_written, any-ascii, pinyin-pro, pinyin-pro+any-ascii
   */
  'route'?: (string);
}

export interface ChartName__Output {
  'given': (string);
  /**
   * the letters counted: the name, or its Latin transliteration
   */
  'counted': (string);
  /**
   * latin, persian, arabic, cyrillic, greek, hebrew, devanagari, han, kana, hangul, thai, armenian, georgian, other
   */
  'script': (string);
  /**
   * as_written, any-ascii, pinyin-pro, pinyin-pro+any-ascii
   */
  'route': (string);
}
