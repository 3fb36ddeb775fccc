// Original file: proto/oracle.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckStampRequest as _nps_oracle_v1_CheckStampRequest, CheckStampRequest__Output as _nps_oracle_v1_CheckStampRequest__Output } from '../../../nps/oracle/v1/CheckStampRequest';
import type { CheckStampResponse as _nps_oracle_v1_CheckStampResponse, CheckStampResponse__Output as _nps_oracle_v1_CheckStampResponse__Output } from '../../../nps/oracle/v1/CheckStampResponse';
import type { GetChartCompatibilityRequest as _nps_oracle_v1_GetChartCompatibilityRequest, GetChartCompatibilityRequest__Output as _nps_oracle_v1_GetChartCompatibilityRequest__Output } from '../../../nps/oracle/v1/GetChartCompatibilityRequest';
import type { GetChartCompatibilityResponse as _nps_oracle_v1_GetChartCompatibilityResponse, GetChartCompatibilityResponse__Output as _nps_oracle_v1_GetChartCompatibilityResponse__Output } from '../../../nps/oracle/v1/GetChartCompatibilityResponse';
import type { GetChartRequest as _nps_oracle_v1_GetChartRequest, GetChartRequest__Output as _nps_oracle_v1_GetChartRequest__Output } from '../../../nps/oracle/v1/GetChartRequest';
import type { GetChartResponse as _nps_oracle_v1_GetChartResponse, GetChartResponse__Output as _nps_oracle_v1_GetChartResponse__Output } from '../../../nps/oracle/v1/GetChartResponse';
import type { GetDailyReadingRequest as _nps_oracle_v1_GetDailyReadingRequest, GetDailyReadingRequest__Output as _nps_oracle_v1_GetDailyReadingRequest__Output } from '../../../nps/oracle/v1/GetDailyReadingRequest';
import type { GetDailyReadingResponse as _nps_oracle_v1_GetDailyReadingResponse, GetDailyReadingResponse__Output as _nps_oracle_v1_GetDailyReadingResponse__Output } from '../../../nps/oracle/v1/GetDailyReadingResponse';
import type { GetMultiReadingRequest as _nps_oracle_v1_GetMultiReadingRequest, GetMultiReadingRequest__Output as _nps_oracle_v1_GetMultiReadingRequest__Output } from '../../../nps/oracle/v1/GetMultiReadingRequest';
import type { GetMultiReadingResponse as _nps_oracle_v1_GetMultiReadingResponse, GetMultiReadingResponse__Output as _nps_oracle_v1_GetMultiReadingResponse__Output } from '../../../nps/oracle/v1/GetMultiReadingResponse';
import type { GetNameReadingRequest as _nps_oracle_v1_GetNameReadingRequest, GetNameReadingRequest__Output as _nps_oracle_v1_GetNameReadingRequest__Output } from '../../../nps/oracle/v1/GetNameReadingRequest';
import type { GetNameReadingResponse as _nps_oracle_v1_GetNameReadingResponse, GetNameReadingResponse__Output as _nps_oracle_v1_GetNameReadingResponse__Output } from '../../../nps/oracle/v1/GetNameReadingResponse';
import type { GetQuestionReadingRequest as _nps_oracle_v1_GetQuestionReadingRequest, GetQuestionReadingRequest__Output as _nps_oracle_v1_GetQuestionReadingRequest__Output } from '../../../nps/oracle/v1/GetQuestionReadingRequest';
import type { GetQuestionReadingResponse as _nps_oracle_v1_GetQuestionReadingResponse, GetQuestionReadingResponse__Output as _nps_oracle_v1_GetQuestionReadingResponse__Output } from '../../../nps/oracle/v1/GetQuestionReadingResponse';
import type { GetReadingRequest as _nps_oracle_v1_GetReadingRequest, GetReadingRequest__Output as _nps_oracle_v1_GetReadingRequest__Output } from '../../../nps/oracle/v1/GetReadingRequest';
import type { GetReadingResponse as _nps_oracle_v1_GetReadingResponse, GetReadingResponse__Output as _nps_oracle_v1_GetReadingResponse__Output } from '../../../nps/oracle/v1/GetReadingResponse';
import type { GetTimingAlignmentRequest as _nps_oracle_v1_GetTimingAlignmentRequest, GetTimingAlignmentRequest__Output as _nps_oracle_v1_GetTimingAlignmentRequest__Output } from '../../../nps/oracle/v1/GetTimingAlignmentRequest';
import type { GetTimingAlignmentResponse as _nps_oracle_v1_GetTimingAlignmentResponse, GetTimingAlignmentResponse__Output as _nps_oracle_v1_GetTimingAlignmentResponse__Output } from '../../../nps/oracle/v1/GetTimingAlignmentResponse';

export interface OracleServiceClient extends grpc.Client {
  /**
   * Decodes and validates an FC60 stamp.
   */
  CheckStamp(argument: _nps_oracle_v1_CheckStampRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  CheckStamp(argument: _nps_oracle_v1_CheckStampRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  CheckStamp(argument: _nps_oracle_v1_CheckStampRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  CheckStamp(argument: _nps_oracle_v1_CheckStampRequest, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Decodes and validates an FC60 stamp.
   */
  checkStamp(argument: _nps_oracle_v1_CheckStampRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  checkStamp(argument: _nps_oracle_v1_CheckStampRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  checkStamp(argument: _nps_oracle_v1_CheckStampRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  checkStamp(argument: _nps_oracle_v1_CheckStampRequest, callback: grpc.requestCallback<_nps_oracle_v1_CheckStampResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The complete chart of a name and a birth date: every number with its working and meaning.
   */
  GetChart(argument: _nps_oracle_v1_GetChartRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  GetChart(argument: _nps_oracle_v1_GetChartRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  GetChart(argument: _nps_oracle_v1_GetChartRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  GetChart(argument: _nps_oracle_v1_GetChartRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The complete chart of a name and a birth date: every number with its working and meaning.
   */
  getChart(argument: _nps_oracle_v1_GetChartRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  getChart(argument: _nps_oracle_v1_GetChartRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  getChart(argument: _nps_oracle_v1_GetChartRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  getChart(argument: _nps_oracle_v1_GetChartRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetChartResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Two people's compatibility 0-100: life path, expression and soul urge beside NPS's own signals.
   */
  GetChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  GetChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  GetChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  GetChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Two people's compatibility 0-100: life path, expression and soul urge beside NPS's own signals.
   */
  getChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  getChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  getChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  getChartCompatibility(argument: _nps_oracle_v1_GetChartCompatibilityRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetChartCompatibilityResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The reading at 12:00 local time of a date, with the day's insights.
   */
  GetDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  GetDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  GetDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  GetDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The reading at 12:00 local time of a date, with the day's insights.
   */
  getDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  getDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  getDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  getDailyReading(argument: _nps_oracle_v1_GetDailyReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetDailyReadingResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Two to five profiles: their readings, pairwise compatibility, and a group analysis from three up.
   */
  GetMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  GetMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  GetMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  GetMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Two to five profiles: their readings, pairwise compatibility, and a group analysis from three up.
   */
  getMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  getMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  getMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  getMultiReading(argument: _nps_oracle_v1_GetMultiReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetMultiReadingResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Expression, soul urge, personality and a letter-by-letter breakdown of any name.
   */
  GetNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  GetNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  GetNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  GetNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Expression, soul urge, personality and a letter-by-letter breakdown of any name.
   */
  getNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  getNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  getNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  getNameReading(argument: _nps_oracle_v1_GetNameReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetNameReadingResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The number of a question, its script, system and category, and the asker's reading.
   */
  GetQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  GetQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  GetQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  GetQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The number of a question, its script, system and category, and the asker's reading.
   */
  getQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  getQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  getQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  getQuestionReading(argument: _nps_oracle_v1_GetQuestionReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetQuestionReadingResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A full reading of a profile at a local moment (the "time" reading).
   */
  GetReading(argument: _nps_oracle_v1_GetReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  GetReading(argument: _nps_oracle_v1_GetReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  GetReading(argument: _nps_oracle_v1_GetReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  GetReading(argument: _nps_oracle_v1_GetReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A full reading of a profile at a local moment (the "time" reading).
   */
  getReading(argument: _nps_oracle_v1_GetReadingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  getReading(argument: _nps_oracle_v1_GetReadingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  getReading(argument: _nps_oracle_v1_GetReadingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  getReading(argument: _nps_oracle_v1_GetReadingRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetReadingResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * How well a moment aligns, and the best hours of its day.
   */
  GetTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  GetTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  GetTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  GetTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  /**
   * How well a moment aligns, and the best hours of its day.
   */
  getTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  getTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  getTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  getTimingAlignment(argument: _nps_oracle_v1_GetTimingAlignmentRequest, callback: grpc.requestCallback<_nps_oracle_v1_GetTimingAlignmentResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface OracleServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Decodes and validates an FC60 stamp.
   */
  CheckStamp: grpc.handleUnaryCall<_nps_oracle_v1_CheckStampRequest__Output, _nps_oracle_v1_CheckStampResponse>;
  
  /**
   * The complete chart of a name and a birth date: every number with its working and meaning.
   */
  GetChart: grpc.handleUnaryCall<_nps_oracle_v1_GetChartRequest__Output, _nps_oracle_v1_GetChartResponse>;
  
  /**
   * Two people's compatibility 0-100: life path, expression and soul urge beside NPS's own signals.
   */
  GetChartCompatibility: grpc.handleUnaryCall<_nps_oracle_v1_GetChartCompatibilityRequest__Output, _nps_oracle_v1_GetChartCompatibilityResponse>;
  
  /**
   * The reading at 12:00 local time of a date, with the day's insights.
   */
  GetDailyReading: grpc.handleUnaryCall<_nps_oracle_v1_GetDailyReadingRequest__Output, _nps_oracle_v1_GetDailyReadingResponse>;
  
  /**
   * Two to five profiles: their readings, pairwise compatibility, and a group analysis from three up.
   */
  GetMultiReading: grpc.handleUnaryCall<_nps_oracle_v1_GetMultiReadingRequest__Output, _nps_oracle_v1_GetMultiReadingResponse>;
  
  /**
   * Expression, soul urge, personality and a letter-by-letter breakdown of any name.
   */
  GetNameReading: grpc.handleUnaryCall<_nps_oracle_v1_GetNameReadingRequest__Output, _nps_oracle_v1_GetNameReadingResponse>;
  
  /**
   * The number of a question, its script, system and category, and the asker's reading.
   */
  GetQuestionReading: grpc.handleUnaryCall<_nps_oracle_v1_GetQuestionReadingRequest__Output, _nps_oracle_v1_GetQuestionReadingResponse>;
  
  /**
   * A full reading of a profile at a local moment (the "time" reading).
   */
  GetReading: grpc.handleUnaryCall<_nps_oracle_v1_GetReadingRequest__Output, _nps_oracle_v1_GetReadingResponse>;
  
  /**
   * How well a moment aligns, and the best hours of its day.
   */
  GetTimingAlignment: grpc.handleUnaryCall<_nps_oracle_v1_GetTimingAlignmentRequest__Output, _nps_oracle_v1_GetTimingAlignmentResponse>;
  
}

export interface OracleServiceDefinition extends grpc.ServiceDefinition {
  CheckStamp: MethodDefinition<_nps_oracle_v1_CheckStampRequest, _nps_oracle_v1_CheckStampResponse, _nps_oracle_v1_CheckStampRequest__Output, _nps_oracle_v1_CheckStampResponse__Output>
  GetChart: MethodDefinition<_nps_oracle_v1_GetChartRequest, _nps_oracle_v1_GetChartResponse, _nps_oracle_v1_GetChartRequest__Output, _nps_oracle_v1_GetChartResponse__Output>
  GetChartCompatibility: MethodDefinition<_nps_oracle_v1_GetChartCompatibilityRequest, _nps_oracle_v1_GetChartCompatibilityResponse, _nps_oracle_v1_GetChartCompatibilityRequest__Output, _nps_oracle_v1_GetChartCompatibilityResponse__Output>
  GetDailyReading: MethodDefinition<_nps_oracle_v1_GetDailyReadingRequest, _nps_oracle_v1_GetDailyReadingResponse, _nps_oracle_v1_GetDailyReadingRequest__Output, _nps_oracle_v1_GetDailyReadingResponse__Output>
  GetMultiReading: MethodDefinition<_nps_oracle_v1_GetMultiReadingRequest, _nps_oracle_v1_GetMultiReadingResponse, _nps_oracle_v1_GetMultiReadingRequest__Output, _nps_oracle_v1_GetMultiReadingResponse__Output>
  GetNameReading: MethodDefinition<_nps_oracle_v1_GetNameReadingRequest, _nps_oracle_v1_GetNameReadingResponse, _nps_oracle_v1_GetNameReadingRequest__Output, _nps_oracle_v1_GetNameReadingResponse__Output>
  GetQuestionReading: MethodDefinition<_nps_oracle_v1_GetQuestionReadingRequest, _nps_oracle_v1_GetQuestionReadingResponse, _nps_oracle_v1_GetQuestionReadingRequest__Output, _nps_oracle_v1_GetQuestionReadingResponse__Output>
  GetReading: MethodDefinition<_nps_oracle_v1_GetReadingRequest, _nps_oracle_v1_GetReadingResponse, _nps_oracle_v1_GetReadingRequest__Output, _nps_oracle_v1_GetReadingResponse__Output>
  GetTimingAlignment: MethodDefinition<_nps_oracle_v1_GetTimingAlignmentRequest, _nps_oracle_v1_GetTimingAlignmentResponse, _nps_oracle_v1_GetTimingAlignmentRequest__Output, _nps_oracle_v1_GetTimingAlignmentResponse__Output>
}
