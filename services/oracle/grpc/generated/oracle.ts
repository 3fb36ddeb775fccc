import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AnimalRepetition as _nps_oracle_v1_AnimalRepetition, AnimalRepetition__Output as _nps_oracle_v1_AnimalRepetition__Output } from './nps/oracle/v1/AnimalRepetition';
import type { BestHour as _nps_oracle_v1_BestHour, BestHour__Output as _nps_oracle_v1_BestHour__Output } from './nps/oracle/v1/BestHour';
import type { BirthData as _nps_oracle_v1_BirthData, BirthData__Output as _nps_oracle_v1_BirthData__Output } from './nps/oracle/v1/BirthData';
import type { CalendarDate as _nps_oracle_v1_CalendarDate, CalendarDate__Output as _nps_oracle_v1_CalendarDate__Output } from './nps/oracle/v1/CalendarDate';
import type { Chart as _nps_oracle_v1_Chart, Chart__Output as _nps_oracle_v1_Chart__Output } from './nps/oracle/v1/Chart';
import type { ChartLetter as _nps_oracle_v1_ChartLetter, ChartLetter__Output as _nps_oracle_v1_ChartLetter__Output } from './nps/oracle/v1/ChartLetter';
import type { ChartLetterNumber as _nps_oracle_v1_ChartLetterNumber, ChartLetterNumber__Output as _nps_oracle_v1_ChartLetterNumber__Output } from './nps/oracle/v1/ChartLetterNumber';
import type { ChartName as _nps_oracle_v1_ChartName, ChartName__Output as _nps_oracle_v1_ChartName__Output } from './nps/oracle/v1/ChartName';
import type { ChartNumber as _nps_oracle_v1_ChartNumber, ChartNumber__Output as _nps_oracle_v1_ChartNumber__Output } from './nps/oracle/v1/ChartNumber';
import type { ChartNumberSet as _nps_oracle_v1_ChartNumberSet, ChartNumberSet__Output as _nps_oracle_v1_ChartNumberSet__Output } from './nps/oracle/v1/ChartNumberSet';
import type { ChartPeriod as _nps_oracle_v1_ChartPeriod, ChartPeriod__Output as _nps_oracle_v1_ChartPeriod__Output } from './nps/oracle/v1/ChartPeriod';
import type { ChartPerson as _nps_oracle_v1_ChartPerson, ChartPerson__Output as _nps_oracle_v1_ChartPerson__Output } from './nps/oracle/v1/ChartPerson';
import type { ChartSystem as _nps_oracle_v1_ChartSystem, ChartSystem__Output as _nps_oracle_v1_ChartSystem__Output } from './nps/oracle/v1/ChartSystem';
import type { CheckStampRequest as _nps_oracle_v1_CheckStampRequest, CheckStampRequest__Output as _nps_oracle_v1_CheckStampRequest__Output } from './nps/oracle/v1/CheckStampRequest';
import type { CheckStampResponse as _nps_oracle_v1_CheckStampResponse, CheckStampResponse__Output as _nps_oracle_v1_CheckStampResponse__Output } from './nps/oracle/v1/CheckStampResponse';
import type { CombinedSignals as _nps_oracle_v1_CombinedSignals, CombinedSignals__Output as _nps_oracle_v1_CombinedSignals__Output } from './nps/oracle/v1/CombinedSignals';
import type { CompatibilityDimensions as _nps_oracle_v1_CompatibilityDimensions, CompatibilityDimensions__Output as _nps_oracle_v1_CompatibilityDimensions__Output } from './nps/oracle/v1/CompatibilityDimensions';
import type { CompatibilityReason as _nps_oracle_v1_CompatibilityReason, CompatibilityReason__Output as _nps_oracle_v1_CompatibilityReason__Output } from './nps/oracle/v1/CompatibilityReason';
import type { Confidence as _nps_oracle_v1_Confidence, Confidence__Output as _nps_oracle_v1_Confidence__Output } from './nps/oracle/v1/Confidence';
import type { CurrentData as _nps_oracle_v1_CurrentData, CurrentData__Output as _nps_oracle_v1_CurrentData__Output } from './nps/oracle/v1/CurrentData';
import type { DailyInsights as _nps_oracle_v1_DailyInsights, DailyInsights__Output as _nps_oracle_v1_DailyInsights__Output } from './nps/oracle/v1/DailyInsights';
import type { DecodedStamp as _nps_oracle_v1_DecodedStamp, DecodedStamp__Output as _nps_oracle_v1_DecodedStamp__Output } from './nps/oracle/v1/DecodedStamp';
import type { DetectedPattern as _nps_oracle_v1_DetectedPattern, DetectedPattern__Output as _nps_oracle_v1_DetectedPattern__Output } from './nps/oracle/v1/DetectedPattern';
import type { Fc60Stamp as _nps_oracle_v1_Fc60Stamp, Fc60Stamp__Output as _nps_oracle_v1_Fc60Stamp__Output } from './nps/oracle/v1/Fc60Stamp';
import type { Ganzhi as _nps_oracle_v1_Ganzhi, Ganzhi__Output as _nps_oracle_v1_Ganzhi__Output } from './nps/oracle/v1/Ganzhi';
import type { GanzhiDay as _nps_oracle_v1_GanzhiDay, GanzhiDay__Output as _nps_oracle_v1_GanzhiDay__Output } from './nps/oracle/v1/GanzhiDay';
import type { GanzhiHour as _nps_oracle_v1_GanzhiHour, GanzhiHour__Output as _nps_oracle_v1_GanzhiHour__Output } from './nps/oracle/v1/GanzhiHour';
import type { GanzhiYear as _nps_oracle_v1_GanzhiYear, GanzhiYear__Output as _nps_oracle_v1_GanzhiYear__Output } from './nps/oracle/v1/GanzhiYear';
import type { GenderPolarity as _nps_oracle_v1_GenderPolarity, GenderPolarity__Output as _nps_oracle_v1_GenderPolarity__Output } from './nps/oracle/v1/GenderPolarity';
import type { GetChartCompatibilityRequest as _nps_oracle_v1_GetChartCompatibilityRequest, GetChartCompatibilityRequest__Output as _nps_oracle_v1_GetChartCompatibilityRequest__Output } from './nps/oracle/v1/GetChartCompatibilityRequest';
import type { GetChartCompatibilityResponse as _nps_oracle_v1_GetChartCompatibilityResponse, GetChartCompatibilityResponse__Output as _nps_oracle_v1_GetChartCompatibilityResponse__Output } from './nps/oracle/v1/GetChartCompatibilityResponse';
import type { GetChartRequest as _nps_oracle_v1_GetChartRequest, GetChartRequest__Output as _nps_oracle_v1_GetChartRequest__Output } from './nps/oracle/v1/GetChartRequest';
import type { GetChartResponse as _nps_oracle_v1_GetChartResponse, GetChartResponse__Output as _nps_oracle_v1_GetChartResponse__Output } from './nps/oracle/v1/GetChartResponse';
import type { GetDailyReadingRequest as _nps_oracle_v1_GetDailyReadingRequest, GetDailyReadingRequest__Output as _nps_oracle_v1_GetDailyReadingRequest__Output } from './nps/oracle/v1/GetDailyReadingRequest';
import type { GetDailyReadingResponse as _nps_oracle_v1_GetDailyReadingResponse, GetDailyReadingResponse__Output as _nps_oracle_v1_GetDailyReadingResponse__Output } from './nps/oracle/v1/GetDailyReadingResponse';
import type { GetMultiReadingRequest as _nps_oracle_v1_GetMultiReadingRequest, GetMultiReadingRequest__Output as _nps_oracle_v1_GetMultiReadingRequest__Output } from './nps/oracle/v1/GetMultiReadingRequest';
import type { GetMultiReadingResponse as _nps_oracle_v1_GetMultiReadingResponse, GetMultiReadingResponse__Output as _nps_oracle_v1_GetMultiReadingResponse__Output } from './nps/oracle/v1/GetMultiReadingResponse';
import type { GetNameReadingRequest as _nps_oracle_v1_GetNameReadingRequest, GetNameReadingRequest__Output as _nps_oracle_v1_GetNameReadingRequest__Output } from './nps/oracle/v1/GetNameReadingRequest';
import type { GetNameReadingResponse as _nps_oracle_v1_GetNameReadingResponse, GetNameReadingResponse__Output as _nps_oracle_v1_GetNameReadingResponse__Output } from './nps/oracle/v1/GetNameReadingResponse';
import type { GetQuestionReadingRequest as _nps_oracle_v1_GetQuestionReadingRequest, GetQuestionReadingRequest__Output as _nps_oracle_v1_GetQuestionReadingRequest__Output } from './nps/oracle/v1/GetQuestionReadingRequest';
import type { GetQuestionReadingResponse as _nps_oracle_v1_GetQuestionReadingResponse, GetQuestionReadingResponse__Output as _nps_oracle_v1_GetQuestionReadingResponse__Output } from './nps/oracle/v1/GetQuestionReadingResponse';
import type { GetReadingRequest as _nps_oracle_v1_GetReadingRequest, GetReadingRequest__Output as _nps_oracle_v1_GetReadingRequest__Output } from './nps/oracle/v1/GetReadingRequest';
import type { GetReadingResponse as _nps_oracle_v1_GetReadingResponse, GetReadingResponse__Output as _nps_oracle_v1_GetReadingResponse__Output } from './nps/oracle/v1/GetReadingResponse';
import type { GetTimingAlignmentRequest as _nps_oracle_v1_GetTimingAlignmentRequest, GetTimingAlignmentRequest__Output as _nps_oracle_v1_GetTimingAlignmentRequest__Output } from './nps/oracle/v1/GetTimingAlignmentRequest';
import type { GetTimingAlignmentResponse as _nps_oracle_v1_GetTimingAlignmentResponse, GetTimingAlignmentResponse__Output as _nps_oracle_v1_GetTimingAlignmentResponse__Output } from './nps/oracle/v1/GetTimingAlignmentResponse';
import type { GroupAnalysis as _nps_oracle_v1_GroupAnalysis, GroupAnalysis__Output as _nps_oracle_v1_GroupAnalysis__Output } from './nps/oracle/v1/GroupAnalysis';
import type { Heartbeat as _nps_oracle_v1_Heartbeat, Heartbeat__Output as _nps_oracle_v1_Heartbeat__Output } from './nps/oracle/v1/Heartbeat';
import type { Interpretation as _nps_oracle_v1_Interpretation, Interpretation__Output as _nps_oracle_v1_Interpretation__Output } from './nps/oracle/v1/Interpretation';
import type { KarmicDebtFound as _nps_oracle_v1_KarmicDebtFound, KarmicDebtFound__Output as _nps_oracle_v1_KarmicDebtFound__Output } from './nps/oracle/v1/KarmicDebtFound';
import type { LetterValue as _nps_oracle_v1_LetterValue, LetterValue__Output as _nps_oracle_v1_LetterValue__Output } from './nps/oracle/v1/LetterValue';
import type { LifePath as _nps_oracle_v1_LifePath, LifePath__Output as _nps_oracle_v1_LifePath__Output } from './nps/oracle/v1/LifePath';
import type { LocalMoment as _nps_oracle_v1_LocalMoment, LocalMoment__Output as _nps_oracle_v1_LocalMoment__Output } from './nps/oracle/v1/LocalMoment';
import type { Location as _nps_oracle_v1_Location, Location__Output as _nps_oracle_v1_Location__Output } from './nps/oracle/v1/Location';
import type { Moon as _nps_oracle_v1_Moon, Moon__Output as _nps_oracle_v1_Moon__Output } from './nps/oracle/v1/Moon';
import type { NumberMeaning as _nps_oracle_v1_NumberMeaning, NumberMeaning__Output as _nps_oracle_v1_NumberMeaning__Output } from './nps/oracle/v1/NumberMeaning';
import type { Numerology as _nps_oracle_v1_Numerology, Numerology__Output as _nps_oracle_v1_Numerology__Output } from './nps/oracle/v1/Numerology';
import type { OracleServiceClient as _nps_oracle_v1_OracleServiceClient, OracleServiceDefinition as _nps_oracle_v1_OracleServiceDefinition } from './nps/oracle/v1/OracleService';
import type { PairCompatibility as _nps_oracle_v1_PairCompatibility, PairCompatibility__Output as _nps_oracle_v1_PairCompatibility__Output } from './nps/oracle/v1/PairCompatibility';
import type { Patterns as _nps_oracle_v1_Patterns, Patterns__Output as _nps_oracle_v1_Patterns__Output } from './nps/oracle/v1/Patterns';
import type { Person as _nps_oracle_v1_Person, Person__Output as _nps_oracle_v1_Person__Output } from './nps/oracle/v1/Person';
import type { Profile as _nps_oracle_v1_Profile, Profile__Output as _nps_oracle_v1_Profile__Output } from './nps/oracle/v1/Profile';
import type { Reading as _nps_oracle_v1_Reading, Reading__Output as _nps_oracle_v1_Reading__Output } from './nps/oracle/v1/Reading';
import type { Signal as _nps_oracle_v1_Signal, Signal__Output as _nps_oracle_v1_Signal__Output } from './nps/oracle/v1/Signal';
import type { StampTime as _nps_oracle_v1_StampTime, StampTime__Output as _nps_oracle_v1_StampTime__Output } from './nps/oracle/v1/StampTime';
import type { StampToken as _nps_oracle_v1_StampToken, StampToken__Output as _nps_oracle_v1_StampToken__Output } from './nps/oracle/v1/StampToken';
import type { SymbolicReading as _nps_oracle_v1_SymbolicReading, SymbolicReading__Output as _nps_oracle_v1_SymbolicReading__Output } from './nps/oracle/v1/SymbolicReading';
import type { ThemedMessage as _nps_oracle_v1_ThemedMessage, ThemedMessage__Output as _nps_oracle_v1_ThemedMessage__Output } from './nps/oracle/v1/ThemedMessage';
import type { TimeContext as _nps_oracle_v1_TimeContext, TimeContext__Output as _nps_oracle_v1_TimeContext__Output } from './nps/oracle/v1/TimeContext';
import type { TimingFactor as _nps_oracle_v1_TimingFactor, TimingFactor__Output as _nps_oracle_v1_TimingFactor__Output } from './nps/oracle/v1/TimingFactor';
import type { Translation as _nps_oracle_v1_Translation, Translation__Output as _nps_oracle_v1_Translation__Output } from './nps/oracle/v1/Translation';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  nps: {
    oracle: {
      v1: {
        AnimalRepetition: MessageTypeDefinition<_nps_oracle_v1_AnimalRepetition, _nps_oracle_v1_AnimalRepetition__Output>
        BestHour: MessageTypeDefinition<_nps_oracle_v1_BestHour, _nps_oracle_v1_BestHour__Output>
        BirthData: MessageTypeDefinition<_nps_oracle_v1_BirthData, _nps_oracle_v1_BirthData__Output>
        CalendarDate: MessageTypeDefinition<_nps_oracle_v1_CalendarDate, _nps_oracle_v1_CalendarDate__Output>
        Chart: MessageTypeDefinition<_nps_oracle_v1_Chart, _nps_oracle_v1_Chart__Output>
        ChartLetter: MessageTypeDefinition<_nps_oracle_v1_ChartLetter, _nps_oracle_v1_ChartLetter__Output>
        ChartLetterNumber: MessageTypeDefinition<_nps_oracle_v1_ChartLetterNumber, _nps_oracle_v1_ChartLetterNumber__Output>
        ChartName: MessageTypeDefinition<_nps_oracle_v1_ChartName, _nps_oracle_v1_ChartName__Output>
        ChartNumber: MessageTypeDefinition<_nps_oracle_v1_ChartNumber, _nps_oracle_v1_ChartNumber__Output>
        ChartNumberSet: MessageTypeDefinition<_nps_oracle_v1_ChartNumberSet, _nps_oracle_v1_ChartNumberSet__Output>
        ChartPeriod: MessageTypeDefinition<_nps_oracle_v1_ChartPeriod, _nps_oracle_v1_ChartPeriod__Output>
        ChartPerson: MessageTypeDefinition<_nps_oracle_v1_ChartPerson, _nps_oracle_v1_ChartPerson__Output>
        ChartSystem: MessageTypeDefinition<_nps_oracle_v1_ChartSystem, _nps_oracle_v1_ChartSystem__Output>
        CheckStampRequest: MessageTypeDefinition<_nps_oracle_v1_CheckStampRequest, _nps_oracle_v1_CheckStampRequest__Output>
        CheckStampResponse: MessageTypeDefinition<_nps_oracle_v1_CheckStampResponse, _nps_oracle_v1_CheckStampResponse__Output>
        CombinedSignals: MessageTypeDefinition<_nps_oracle_v1_CombinedSignals, _nps_oracle_v1_CombinedSignals__Output>
        CompatibilityDimensions: MessageTypeDefinition<_nps_oracle_v1_CompatibilityDimensions, _nps_oracle_v1_CompatibilityDimensions__Output>
        CompatibilityReason: MessageTypeDefinition<_nps_oracle_v1_CompatibilityReason, _nps_oracle_v1_CompatibilityReason__Output>
        Confidence: MessageTypeDefinition<_nps_oracle_v1_Confidence, _nps_oracle_v1_Confidence__Output>
        CurrentData: MessageTypeDefinition<_nps_oracle_v1_CurrentData, _nps_oracle_v1_CurrentData__Output>
        DailyInsights: MessageTypeDefinition<_nps_oracle_v1_DailyInsights, _nps_oracle_v1_DailyInsights__Output>
        DecodedStamp: MessageTypeDefinition<_nps_oracle_v1_DecodedStamp, _nps_oracle_v1_DecodedStamp__Output>
        DetectedPattern: MessageTypeDefinition<_nps_oracle_v1_DetectedPattern, _nps_oracle_v1_DetectedPattern__Output>
        Fc60Stamp: MessageTypeDefinition<_nps_oracle_v1_Fc60Stamp, _nps_oracle_v1_Fc60Stamp__Output>
        Ganzhi: MessageTypeDefinition<_nps_oracle_v1_Ganzhi, _nps_oracle_v1_Ganzhi__Output>
        GanzhiDay: MessageTypeDefinition<_nps_oracle_v1_GanzhiDay, _nps_oracle_v1_GanzhiDay__Output>
        GanzhiHour: MessageTypeDefinition<_nps_oracle_v1_GanzhiHour, _nps_oracle_v1_GanzhiHour__Output>
        GanzhiYear: MessageTypeDefinition<_nps_oracle_v1_GanzhiYear, _nps_oracle_v1_GanzhiYear__Output>
        Gender: EnumTypeDefinition
        GenderPolarity: MessageTypeDefinition<_nps_oracle_v1_GenderPolarity, _nps_oracle_v1_GenderPolarity__Output>
        GetChartCompatibilityRequest: MessageTypeDefinition<_nps_oracle_v1_GetChartCompatibilityRequest, _nps_oracle_v1_GetChartCompatibilityRequest__Output>
        GetChartCompatibilityResponse: MessageTypeDefinition<_nps_oracle_v1_GetChartCompatibilityResponse, _nps_oracle_v1_GetChartCompatibilityResponse__Output>
        GetChartRequest: MessageTypeDefinition<_nps_oracle_v1_GetChartRequest, _nps_oracle_v1_GetChartRequest__Output>
        GetChartResponse: MessageTypeDefinition<_nps_oracle_v1_GetChartResponse, _nps_oracle_v1_GetChartResponse__Output>
        GetDailyReadingRequest: MessageTypeDefinition<_nps_oracle_v1_GetDailyReadingRequest, _nps_oracle_v1_GetDailyReadingRequest__Output>
        GetDailyReadingResponse: MessageTypeDefinition<_nps_oracle_v1_GetDailyReadingResponse, _nps_oracle_v1_GetDailyReadingResponse__Output>
        GetMultiReadingRequest: MessageTypeDefinition<_nps_oracle_v1_GetMultiReadingRequest, _nps_oracle_v1_GetMultiReadingRequest__Output>
        GetMultiReadingResponse: MessageTypeDefinition<_nps_oracle_v1_GetMultiReadingResponse, _nps_oracle_v1_GetMultiReadingResponse__Output>
        GetNameReadingRequest: MessageTypeDefinition<_nps_oracle_v1_GetNameReadingRequest, _nps_oracle_v1_GetNameReadingRequest__Output>
        GetNameReadingResponse: MessageTypeDefinition<_nps_oracle_v1_GetNameReadingResponse, _nps_oracle_v1_GetNameReadingResponse__Output>
        GetQuestionReadingRequest: MessageTypeDefinition<_nps_oracle_v1_GetQuestionReadingRequest, _nps_oracle_v1_GetQuestionReadingRequest__Output>
        GetQuestionReadingResponse: MessageTypeDefinition<_nps_oracle_v1_GetQuestionReadingResponse, _nps_oracle_v1_GetQuestionReadingResponse__Output>
        GetReadingRequest: MessageTypeDefinition<_nps_oracle_v1_GetReadingRequest, _nps_oracle_v1_GetReadingRequest__Output>
        GetReadingResponse: MessageTypeDefinition<_nps_oracle_v1_GetReadingResponse, _nps_oracle_v1_GetReadingResponse__Output>
        GetTimingAlignmentRequest: MessageTypeDefinition<_nps_oracle_v1_GetTimingAlignmentRequest, _nps_oracle_v1_GetTimingAlignmentRequest__Output>
        GetTimingAlignmentResponse: MessageTypeDefinition<_nps_oracle_v1_GetTimingAlignmentResponse, _nps_oracle_v1_GetTimingAlignmentResponse__Output>
        GroupAnalysis: MessageTypeDefinition<_nps_oracle_v1_GroupAnalysis, _nps_oracle_v1_GroupAnalysis__Output>
        Heartbeat: MessageTypeDefinition<_nps_oracle_v1_Heartbeat, _nps_oracle_v1_Heartbeat__Output>
        Interpretation: MessageTypeDefinition<_nps_oracle_v1_Interpretation, _nps_oracle_v1_Interpretation__Output>
        KarmicDebtFound: MessageTypeDefinition<_nps_oracle_v1_KarmicDebtFound, _nps_oracle_v1_KarmicDebtFound__Output>
        LetterValue: MessageTypeDefinition<_nps_oracle_v1_LetterValue, _nps_oracle_v1_LetterValue__Output>
        LifePath: MessageTypeDefinition<_nps_oracle_v1_LifePath, _nps_oracle_v1_LifePath__Output>
        LocalMoment: MessageTypeDefinition<_nps_oracle_v1_LocalMoment, _nps_oracle_v1_LocalMoment__Output>
        Location: MessageTypeDefinition<_nps_oracle_v1_Location, _nps_oracle_v1_Location__Output>
        Moon: MessageTypeDefinition<_nps_oracle_v1_Moon, _nps_oracle_v1_Moon__Output>
        NumberMeaning: MessageTypeDefinition<_nps_oracle_v1_NumberMeaning, _nps_oracle_v1_NumberMeaning__Output>
        Numerology: MessageTypeDefinition<_nps_oracle_v1_Numerology, _nps_oracle_v1_Numerology__Output>
        NumerologySystem: EnumTypeDefinition
        OracleService: SubtypeConstructor<typeof grpc.Client, _nps_oracle_v1_OracleServiceClient> & { service: _nps_oracle_v1_OracleServiceDefinition }
        PairCompatibility: MessageTypeDefinition<_nps_oracle_v1_PairCompatibility, _nps_oracle_v1_PairCompatibility__Output>
        Patterns: MessageTypeDefinition<_nps_oracle_v1_Patterns, _nps_oracle_v1_Patterns__Output>
        Person: MessageTypeDefinition<_nps_oracle_v1_Person, _nps_oracle_v1_Person__Output>
        Profile: MessageTypeDefinition<_nps_oracle_v1_Profile, _nps_oracle_v1_Profile__Output>
        QuestionCategory: EnumTypeDefinition
        Reading: MessageTypeDefinition<_nps_oracle_v1_Reading, _nps_oracle_v1_Reading__Output>
        Signal: MessageTypeDefinition<_nps_oracle_v1_Signal, _nps_oracle_v1_Signal__Output>
        StampTime: MessageTypeDefinition<_nps_oracle_v1_StampTime, _nps_oracle_v1_StampTime__Output>
        StampToken: MessageTypeDefinition<_nps_oracle_v1_StampToken, _nps_oracle_v1_StampToken__Output>
        SymbolicReading: MessageTypeDefinition<_nps_oracle_v1_SymbolicReading, _nps_oracle_v1_SymbolicReading__Output>
        ThemedMessage: MessageTypeDefinition<_nps_oracle_v1_ThemedMessage, _nps_oracle_v1_ThemedMessage__Output>
        TimeContext: MessageTypeDefinition<_nps_oracle_v1_TimeContext, _nps_oracle_v1_TimeContext__Output>
        TimingFactor: MessageTypeDefinition<_nps_oracle_v1_TimingFactor, _nps_oracle_v1_TimingFactor__Output>
        Translation: MessageTypeDefinition<_nps_oracle_v1_Translation, _nps_oracle_v1_Translation__Output>
      }
    }
  }
}

