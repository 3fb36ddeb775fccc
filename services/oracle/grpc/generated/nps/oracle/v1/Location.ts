// Original file: proto/oracle.proto


export interface Location {
  'latitude'?: (number | string);
  'longitude'?: (number | string);
  'element'?: (string);
  'timezone_estimate'?: (number);
  'lat_hemisphere'?: (string);
  'lon_hemisphere'?: (string);
  'lat_polarity'?: (string);
  'lon_polarity'?: (string);
}

export interface Location__Output {
  'latitude': (number);
  'longitude': (number);
  'element': (string);
  'timezone_estimate': (number);
  'lat_hemisphere': (string);
  'lon_hemisphere': (string);
  'lat_polarity': (string);
  'lon_polarity': (string);
}
