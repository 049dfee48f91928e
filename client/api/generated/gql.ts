/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me { me { role name canEdit canAdmin readAccess pseudonymous } }\n": typeof types.MeDocument,
    "\n  fragment TokenFields on AccessToken { id name role createdAt createdBy lastUsedAt revokedAt active pseudonymous }\n": typeof types.TokenFieldsFragmentDoc,
    "\n    query Tokens($includeRevoked: Boolean) { tokens(includeRevoked: $includeRevoked) { ...TokenFields } }\n  ": typeof types.TokensDocument,
    "\n    mutation CreateToken($name: String!, $role: Role!, $pseudonymous: Boolean) {\n      createToken(name: $name, role: $role, pseudonymous: $pseudonymous) { secret signInUrl token { ...TokenFields } }\n    }\n  ": typeof types.CreateTokenDocument,
    "\n    mutation RevokeToken($id: ID!) { revokeToken(id: $id) { ...TokenFields } }\n  ": typeof types.RevokeTokenDocument,
    "\n  fragment NetworkStatsFields on NetworkStats {\n    nodes edges density components largestComponent isolates averagePathLength diameter degreeCentralization communities modularity articulationPoints bridges\n    estimates { ...EstimateFields }\n  }\n": typeof types.NetworkStatsFieldsFragmentDoc,
    "\n  fragment EstimateFields on Estimate { metric method epsilon confidence samples }\n": typeof types.EstimateFieldsFragmentDoc,
    "\n  query AnalysisStatus { analysisStatus { revision currentRevision state done total step elapsedMs error } }\n": typeof types.AnalysisStatusDocument,
    "\n  fragment RegionCellFields on RegionCell { a b aName bName observed expected ratio }\n": typeof types.RegionCellFieldsFragmentDoc,
    "\n  query Metrics($filter: NetworkFilter, $weighted: Boolean!, $level: String, $weighting: TieWeighting) {\n    metrics(filter: $filter, weighted: $weighted, level: $level, weighting: $weighting) {\n      nodes {\n        id label kind regionId degree weightedDegree betweenness closeness eigenvector pagerank constraint effectiveSize\n        community component articulationPoint brokerage { coordinator gatekeeper representative itinerant liaison }\n      }\n      communitySizes modularity stats { ...NetworkStatsFields } estimates { ...EstimateFields }\n    }\n  }\n": typeof types.MetricsDocument,
    "\n  query Gaps($filter: NetworkFilter, $level: String) {\n    regionGaps(level: $level, filter: $filter) {\n      level ties actorsWithoutRegion regions { id name actors internalTies externalTies eiIndex isolatedActors }\n      cells { ...RegionCellFields } whiteSpots { a b aName bName observed expected ratio reasons programmes distanceKm tier }\n    }\n    wishedTies(level: $level) { regionPairs { a b aName bName wished missing existing } }\n  }\n": typeof types.GapsDocument,
    "\n  query Coverage($filter: NetworkFilter, $level: String, $profile: [ProfileCategoryInput!]) {\n    coverage(level: $level, profile: $profile, filter: $filter) {\n      level profile { key kinds minimum } rows { regionId name actors cells { category count connected minimum status } sectors { sector count } }\n      missing { regionId category } unconnected { regionId category }\n    }\n  }\n": typeof types.CoverageDocument,
    "\n  query WhatIf($filter: NetworkFilter, $remove: [ID!]!, $level: String) {\n    whatIf(remove: $remove, level: $level, filter: $filter) {\n      removed unknown\n      before { components largestComponent interRegionalTies connectedRegionPairs }\n      after { components largestComponent interRegionalTies connectedRegionPairs }\n      disconnectedActors { id label regionId } lostRegionPairs { a b aName bName } isolatedRegions { id name }\n    }\n  }\n": typeof types.WhatIfDocument,
    "\n  query Suggestions($filter: NetworkFilter, $level: String, $limit: Int!) {\n    suggestions(filter: $filter, level: $level, limit: $limit) { a b aLabel bLabel score commonPartners adamicAdar reasons { code text { de en } } }\n  }\n": typeof types.SuggestionsDocument,
    "\n  query Insights($filter: NetworkFilter, $level: String) {\n    insights(filter: $filter, level: $level) { id kind text { de en } nodeIds regionIds }\n    networkParts(filter: $filter, level: $level) { component name regionId projectId actors broker brokerCutOff }\n    networkStats(filter: $filter, level: $level) { ...NetworkStatsFields }\n    wishedTies(level: $level) { insights { id kind text { de en } nodeIds regionIds } }\n  }\n": typeof types.InsightsDocument,
    "query CaptureInfo($token: String!) { captureInfo(token: $token) { name date expiresAt open reason districts { id name } } }": typeof types.CaptureInfoDocument,
    "query CaptureRoster($token: String!, $text: String, $limit: Int!) { captureRoster(token: $token, text: $text, limit: $limit) { id name kind isNew } }": typeof types.CaptureRosterDocument,
    "query CaptureMine($token: String!, $participant: String!) {\n  captureMine(token: $token, participant: $participant) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }\n}": typeof types.CaptureMineDocument,
    "mutation SubmitCapture($token: String!, $participant: String!, $input: CaptureSubmissionInput!) {\n  submitCapture(token: $token, participant: $participant, input: $input) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }\n}": typeof types.SubmitCaptureDocument,
    "mutation WithdrawCapture($token: String!, $participant: String!, $id: ID!) { withdrawCapture(token: $token, participant: $participant, id: $id) { id state } }": typeof types.WithdrawCaptureDocument,
    "query CaptureQueue($sessionId: ID!) {\n  captureQueue(sessionId: $sessionId) {\n    session { id name date open expiresAt closedAt link scopeKind scopeRef counts { pending approved rejected withdrawn } }\n    submissions {\n      id state createdAt updatedAt mergeInto actorId moderatedBy\n      org { actorId name kind regionId }\n      ties { partnerId partnerName relation projectName }\n      duplicates { id label kind }\n    }\n  }\n}": typeof types.CaptureQueueDocument,
    "query CaptureSessions { captureSessions { id name date open link counts { pending approved } } }": typeof types.CaptureSessionsDocument,
    "query CaptureFeed($sessionId: ID!) { captureFeed(sessionId: $sessionId) { sessionId name open link pending approved newNodeIds newTies { a b } wishedTies { a b } } }": typeof types.CaptureFeedDocument,
    "mutation OpenCaptureSession($input: OpenCaptureSessionInput!) { openCaptureSession(input: $input) { id link } }": typeof types.OpenCaptureSessionDocument,
    "mutation CloseCaptureSession($id: ID!) { closeCaptureSession(id: $id) { id open } }": typeof types.CloseCaptureSessionDocument,
    "mutation MergeCaptureOrg($submissionId: ID!, $actorId: ID) { mergeCaptureOrg(submissionId: $submissionId, actorId: $actorId) { id mergeInto } }": typeof types.MergeCaptureOrgDocument,
    "mutation AddCaptureReportSlide($sessionId: ID!) { addCaptureReportSlide(sessionId: $sessionId) { storyId slideId } }": typeof types.AddCaptureReportSlideDocument,
    "mutation ModerateCapture($sessionId: ID!, $submissionIds: [ID!]!, $decision: CaptureDecision!) {\n  moderateCapture(sessionId: $sessionId, submissionIds: $submissionIds, decision: $decision) { changed { id state } skipped }\n}": typeof types.ModerateCaptureDocument,
    "mutation CreateActor($input: ActorInput!) { result: createActor(input: $input) { id version } }": typeof types.CreateActorDocument,
    "mutation UpdateActor($id: ID!, $version: Int!, $input: ActorInput!) { result: updateActor(id: $id, version: $version, input: $input) { id version } }": typeof types.UpdateActorDocument,
    "mutation DeleteActor($id: ID!, $version: Int!) { result: deleteActor(id: $id, version: $version) { type id cascaded } }": typeof types.DeleteActorDocument,
    "query VersionOfActor($id: ID!) { result: actor(id: $id) { id name version } }": typeof types.VersionOfActorDocument,
    "mutation CreateProject($input: ProjectInput!) { result: createProject(input: $input) { id version } }": typeof types.CreateProjectDocument,
    "mutation UpdateProject($id: ID!, $version: Int!, $input: ProjectInput!) { result: updateProject(id: $id, version: $version, input: $input) { id version } }": typeof types.UpdateProjectDocument,
    "mutation DeleteProject($id: ID!, $version: Int!) { result: deleteProject(id: $id, version: $version) { type id cascaded } }": typeof types.DeleteProjectDocument,
    "query VersionOfProject($id: ID!) { result: project(id: $id) { id name version } }": typeof types.VersionOfProjectDocument,
    "mutation CreateRegion($input: RegionInput!) { result: createRegion(input: $input) { id version } }": typeof types.CreateRegionDocument,
    "mutation UpdateRegion($id: ID!, $version: Int!, $input: RegionInput!) { result: updateRegion(id: $id, version: $version, input: $input) { id version } }": typeof types.UpdateRegionDocument,
    "mutation DeleteRegion($id: ID!, $version: Int!) { result: deleteRegion(id: $id, version: $version) { type id cascaded } }": typeof types.DeleteRegionDocument,
    "query VersionOfRegion($id: ID!) { result: region(id: $id) { id name version } }": typeof types.VersionOfRegionDocument,
    "mutation CreateEvent($input: EventInput!) { result: createEvent(input: $input) { id version } }": typeof types.CreateEventDocument,
    "mutation UpdateEvent($id: ID!, $version: Int!, $input: EventInput!) { result: updateEvent(id: $id, version: $version, input: $input) { id version } }": typeof types.UpdateEventDocument,
    "mutation DeleteEvent($id: ID!, $version: Int!) { result: deleteEvent(id: $id, version: $version) { type id cascaded } }": typeof types.DeleteEventDocument,
    "query VersionOfEvent($id: ID!) { result: event(id: $id) { id name version } }": typeof types.VersionOfEventDocument,
    "\n  mutation MergeActors($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!) {\n    result: mergeActors(keepId: $keepId, keepVersion: $keepVersion, mergeId: $mergeId, mergeVersion: $mergeVersion) { id version }\n  }\n": typeof types.MergeActorsDocument,
    "mutation CreateParticipation($input: ParticipationInput!) { result: createParticipation(input: $input) { type key version } }": typeof types.CreateParticipationDocument,
    "mutation UpdateParticipation($version: Int!, $input: ParticipationInput!) { result: updateParticipation(version: $version, input: $input) { type key version } }": typeof types.UpdateParticipationDocument,
    "mutation DeleteParticipation($version: Int!, $input: ParticipationInput!) { result: deleteParticipation(version: $version, input: $input) { type id cascaded } }": typeof types.DeleteParticipationDocument,
    "mutation CreateEventParticipation($input: EventParticipationInput!) { result: createEventParticipation(input: $input) { type key version } }": typeof types.CreateEventParticipationDocument,
    "mutation UpdateEventParticipation($version: Int!, $input: EventParticipationInput!) { result: updateEventParticipation(version: $version, input: $input) { type key version } }": typeof types.UpdateEventParticipationDocument,
    "mutation DeleteEventParticipation($version: Int!, $input: EventParticipationInput!) { result: deleteEventParticipation(version: $version, input: $input) { type id cascaded } }": typeof types.DeleteEventParticipationDocument,
    "mutation CreateCooperation($input: CooperationInput!) { result: createCooperation(input: $input) { type key version } }": typeof types.CreateCooperationDocument,
    "mutation UpdateCooperation($version: Int!, $input: CooperationInput!) { result: updateCooperation(version: $version, input: $input) { type key version } }": typeof types.UpdateCooperationDocument,
    "mutation DeleteCooperation($version: Int!, $input: CooperationInput!) { result: deleteCooperation(version: $version, input: $input) { type id cascaded } }": typeof types.DeleteCooperationDocument,
    "mutation CreateTarget($input: TargetInput!) { result: createTarget(input: $input) { type key version } }": typeof types.CreateTargetDocument,
    "mutation UpdateTarget($version: Int!, $input: TargetInput!) { result: updateTarget(version: $version, input: $input) { type key version } }": typeof types.UpdateTargetDocument,
    "mutation DeleteTarget($version: Int!, $input: TargetInput!) { result: deleteTarget(version: $version, input: $input) { type id cascaded } }": typeof types.DeleteTargetDocument,
    "\n  fragment NetworkNodeFields on NetworkNode { id type kind label regionId lat lon sectors startYear endYear }\n": typeof types.NetworkNodeFieldsFragmentDoc,
    "\n  fragment NetworkEdgeFields on NetworkEdge { id source target kind role weight derived via }\n": typeof types.NetworkEdgeFieldsFragmentDoc,
    "\n  fragment NetworkFields on Network { nodes { ...NetworkNodeFields } edges { ...NetworkEdgeFields } truncated hiddenTies }\n": typeof types.NetworkFieldsFragmentDoc,
    "\n  fragment NodeRefFields on NodeRef { id type kind label }\n": typeof types.NodeRefFieldsFragmentDoc,
    "\n  fragment SourceFields on Source { id title url publisher date }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  fragment EventSummaryFields on EventSummary { id name kind date place { ...NodeRefFields } }\n": typeof types.EventSummaryFieldsFragmentDoc,
    "\n  query Network($filter: NetworkFilter) { network(filter: $filter) { ...NetworkFields } }\n": typeof types.NetworkDocument,
    "\n  query Overview($level: String, $parentId: ID, $filter: NetworkFilter) {\n    overview(level: $level, parentId: $parentId, filter: $filter) {\n      level parentId actors unplaced truncated\n      regions { id name kind lat lon parentId actors internalTies hasChildren }\n      ties { a b directTies derivedTies derivedWeight derivedNewman }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query Neighborhood($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { ...NetworkFields } }\n": typeof types.NeighborhoodDocument,
    "\n  query Paths($from: ID!, $to: ID!, $limit: Int) { shortestPaths(from: $from, to: $to, limit: $limit) { length nodes { ...NetworkNodeFields } } }\n": typeof types.PathsDocument,
    "\n  query Catalog {\n    regions { id name kind code lat lon parentId }\n    facets { actorKinds { value count } sectors { value count } minYear maxYear }\n  }\n": typeof types.CatalogDocument,
    "\n  query Search($text: String!, $types: [NodeType!]) { search(text: $text, limit: 12, types: $types) { id type kind label } }\n": typeof types.SearchDocument,
    "\n  query NodeTypeOf($id: ID!) { nodeType(id: $id) }\n": typeof types.NodeTypeOfDocument,
    "\n  query Actors($filter: NetworkFilter) { network(filter: $filter) { nodes { id kind label } } }\n": typeof types.ActorsDocument,
    "\n    query ActorDetails($id: ID!, $editable: Boolean!) {\n      actor(id: $id) {\n        __typename id name kind sectors tags website description version @include(if: $editable)\n        region { ...NodeRefFields }\n        participations { project { ...NodeRefFields } role start end description version @include(if: $editable) contribution @include(if: $editable) }\n        events { event { ...NodeRefFields } role date description @include(if: $editable) version @include(if: $editable) }\n        cooperations { partner { ...NodeRefFields } kind outgoing since until description version @include(if: $editable) sources @include(if: $editable) { id } }\n        sources { ...SourceFields }\n      }\n    }\n  ": typeof types.ActorDetailsDocument,
    "\n    query ProjectDetails($id: ID!, $editable: Boolean!) {\n      project(id: $id) {\n        __typename id name status programme start end description goals results tags version @include(if: $editable)\n        participants { actor { ...NodeRefFields } role description version @include(if: $editable) contribution @include(if: $editable) }\n        funders { ...NodeRefFields }\n        events { ...EventSummaryFields }\n        targets { region { ...NodeRefFields } role description version @include(if: $editable) }\n        predecessor { ...NodeRefFields }\n        successors { ...NodeRefFields }\n        sources { ...SourceFields }\n      }\n    }\n  ": typeof types.ProjectDetailsDocument,
    "\n    query RegionDetails($id: ID!, $editable: Boolean!) {\n      region(id: $id) {\n        __typename id name kind code lat lon description tags actorCount version @include(if: $editable)\n        parent { ...NodeRefFields }\n        ancestors { ...NodeRefFields }\n        children { ...NodeRefFields }\n        actors { ...NodeRefFields }\n        events { ...EventSummaryFields }\n        targetedBy { subject { ...NodeRefFields } role version @include(if: $editable) }\n        sources { ...SourceFields }\n      }\n    }\n  ": typeof types.RegionDetailsDocument,
    "\n    query EventDetails($id: ID!, $editable: Boolean!) {\n      event(id: $id) {\n        __typename id name kind date endDate venue description tags version @include(if: $editable)\n        place { ...NodeRefFields }\n        project { ...NodeRefFields }\n        participants { actor { ...NodeRefFields } role description version @include(if: $editable) }\n        targets { region { ...NodeRefFields } role description version @include(if: $editable) }\n        sources { ...SourceFields }\n      }\n    }\n  ": typeof types.EventDetailsDocument,
    "\n  fragment StoryFields on Story { id title description version slides { id title notes view reveal } }\n": typeof types.StoryFieldsFragmentDoc,
    "\n    query Stories { stories { id title description slideCount version } }\n  ": typeof types.StoriesDocument,
    "\n    query Story($id: ID!) { story(id: $id) { ...StoryFields } }\n  ": typeof types.StoryDocument,
    "\n    mutation CreateStory($input: StoryInput!) { result: createStory(input: $input) { ...StoryFields } }\n  ": typeof types.CreateStoryDocument,
    "\n    mutation UpdateStory($id: ID!, $version: Int!, $input: StoryInput!) { result: updateStory(id: $id, version: $version, input: $input) { ...StoryFields } }\n  ": typeof types.UpdateStoryDocument,
    "\n    mutation DeleteStory($id: ID!, $version: Int!) { result: deleteStory(id: $id, version: $version) { type id cascaded } }\n  ": typeof types.DeleteStoryDocument,
};
const documents: Documents = {
    "\n  query Me { me { role name canEdit canAdmin readAccess pseudonymous } }\n": types.MeDocument,
    "\n  fragment TokenFields on AccessToken { id name role createdAt createdBy lastUsedAt revokedAt active pseudonymous }\n": types.TokenFieldsFragmentDoc,
    "\n    query Tokens($includeRevoked: Boolean) { tokens(includeRevoked: $includeRevoked) { ...TokenFields } }\n  ": types.TokensDocument,
    "\n    mutation CreateToken($name: String!, $role: Role!, $pseudonymous: Boolean) {\n      createToken(name: $name, role: $role, pseudonymous: $pseudonymous) { secret signInUrl token { ...TokenFields } }\n    }\n  ": types.CreateTokenDocument,
    "\n    mutation RevokeToken($id: ID!) { revokeToken(id: $id) { ...TokenFields } }\n  ": types.RevokeTokenDocument,
    "\n  fragment NetworkStatsFields on NetworkStats {\n    nodes edges density components largestComponent isolates averagePathLength diameter degreeCentralization communities modularity articulationPoints bridges\n    estimates { ...EstimateFields }\n  }\n": types.NetworkStatsFieldsFragmentDoc,
    "\n  fragment EstimateFields on Estimate { metric method epsilon confidence samples }\n": types.EstimateFieldsFragmentDoc,
    "\n  query AnalysisStatus { analysisStatus { revision currentRevision state done total step elapsedMs error } }\n": types.AnalysisStatusDocument,
    "\n  fragment RegionCellFields on RegionCell { a b aName bName observed expected ratio }\n": types.RegionCellFieldsFragmentDoc,
    "\n  query Metrics($filter: NetworkFilter, $weighted: Boolean!, $level: String, $weighting: TieWeighting) {\n    metrics(filter: $filter, weighted: $weighted, level: $level, weighting: $weighting) {\n      nodes {\n        id label kind regionId degree weightedDegree betweenness closeness eigenvector pagerank constraint effectiveSize\n        community component articulationPoint brokerage { coordinator gatekeeper representative itinerant liaison }\n      }\n      communitySizes modularity stats { ...NetworkStatsFields } estimates { ...EstimateFields }\n    }\n  }\n": types.MetricsDocument,
    "\n  query Gaps($filter: NetworkFilter, $level: String) {\n    regionGaps(level: $level, filter: $filter) {\n      level ties actorsWithoutRegion regions { id name actors internalTies externalTies eiIndex isolatedActors }\n      cells { ...RegionCellFields } whiteSpots { a b aName bName observed expected ratio reasons programmes distanceKm tier }\n    }\n    wishedTies(level: $level) { regionPairs { a b aName bName wished missing existing } }\n  }\n": types.GapsDocument,
    "\n  query Coverage($filter: NetworkFilter, $level: String, $profile: [ProfileCategoryInput!]) {\n    coverage(level: $level, profile: $profile, filter: $filter) {\n      level profile { key kinds minimum } rows { regionId name actors cells { category count connected minimum status } sectors { sector count } }\n      missing { regionId category } unconnected { regionId category }\n    }\n  }\n": types.CoverageDocument,
    "\n  query WhatIf($filter: NetworkFilter, $remove: [ID!]!, $level: String) {\n    whatIf(remove: $remove, level: $level, filter: $filter) {\n      removed unknown\n      before { components largestComponent interRegionalTies connectedRegionPairs }\n      after { components largestComponent interRegionalTies connectedRegionPairs }\n      disconnectedActors { id label regionId } lostRegionPairs { a b aName bName } isolatedRegions { id name }\n    }\n  }\n": types.WhatIfDocument,
    "\n  query Suggestions($filter: NetworkFilter, $level: String, $limit: Int!) {\n    suggestions(filter: $filter, level: $level, limit: $limit) { a b aLabel bLabel score commonPartners adamicAdar reasons { code text { de en } } }\n  }\n": types.SuggestionsDocument,
    "\n  query Insights($filter: NetworkFilter, $level: String) {\n    insights(filter: $filter, level: $level) { id kind text { de en } nodeIds regionIds }\n    networkParts(filter: $filter, level: $level) { component name regionId projectId actors broker brokerCutOff }\n    networkStats(filter: $filter, level: $level) { ...NetworkStatsFields }\n    wishedTies(level: $level) { insights { id kind text { de en } nodeIds regionIds } }\n  }\n": types.InsightsDocument,
    "query CaptureInfo($token: String!) { captureInfo(token: $token) { name date expiresAt open reason districts { id name } } }": types.CaptureInfoDocument,
    "query CaptureRoster($token: String!, $text: String, $limit: Int!) { captureRoster(token: $token, text: $text, limit: $limit) { id name kind isNew } }": types.CaptureRosterDocument,
    "query CaptureMine($token: String!, $participant: String!) {\n  captureMine(token: $token, participant: $participant) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }\n}": types.CaptureMineDocument,
    "mutation SubmitCapture($token: String!, $participant: String!, $input: CaptureSubmissionInput!) {\n  submitCapture(token: $token, participant: $participant, input: $input) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }\n}": types.SubmitCaptureDocument,
    "mutation WithdrawCapture($token: String!, $participant: String!, $id: ID!) { withdrawCapture(token: $token, participant: $participant, id: $id) { id state } }": types.WithdrawCaptureDocument,
    "query CaptureQueue($sessionId: ID!) {\n  captureQueue(sessionId: $sessionId) {\n    session { id name date open expiresAt closedAt link scopeKind scopeRef counts { pending approved rejected withdrawn } }\n    submissions {\n      id state createdAt updatedAt mergeInto actorId moderatedBy\n      org { actorId name kind regionId }\n      ties { partnerId partnerName relation projectName }\n      duplicates { id label kind }\n    }\n  }\n}": types.CaptureQueueDocument,
    "query CaptureSessions { captureSessions { id name date open link counts { pending approved } } }": types.CaptureSessionsDocument,
    "query CaptureFeed($sessionId: ID!) { captureFeed(sessionId: $sessionId) { sessionId name open link pending approved newNodeIds newTies { a b } wishedTies { a b } } }": types.CaptureFeedDocument,
    "mutation OpenCaptureSession($input: OpenCaptureSessionInput!) { openCaptureSession(input: $input) { id link } }": types.OpenCaptureSessionDocument,
    "mutation CloseCaptureSession($id: ID!) { closeCaptureSession(id: $id) { id open } }": types.CloseCaptureSessionDocument,
    "mutation MergeCaptureOrg($submissionId: ID!, $actorId: ID) { mergeCaptureOrg(submissionId: $submissionId, actorId: $actorId) { id mergeInto } }": types.MergeCaptureOrgDocument,
    "mutation AddCaptureReportSlide($sessionId: ID!) { addCaptureReportSlide(sessionId: $sessionId) { storyId slideId } }": types.AddCaptureReportSlideDocument,
    "mutation ModerateCapture($sessionId: ID!, $submissionIds: [ID!]!, $decision: CaptureDecision!) {\n  moderateCapture(sessionId: $sessionId, submissionIds: $submissionIds, decision: $decision) { changed { id state } skipped }\n}": types.ModerateCaptureDocument,
    "mutation CreateActor($input: ActorInput!) { result: createActor(input: $input) { id version } }": types.CreateActorDocument,
    "mutation UpdateActor($id: ID!, $version: Int!, $input: ActorInput!) { result: updateActor(id: $id, version: $version, input: $input) { id version } }": types.UpdateActorDocument,
    "mutation DeleteActor($id: ID!, $version: Int!) { result: deleteActor(id: $id, version: $version) { type id cascaded } }": types.DeleteActorDocument,
    "query VersionOfActor($id: ID!) { result: actor(id: $id) { id name version } }": types.VersionOfActorDocument,
    "mutation CreateProject($input: ProjectInput!) { result: createProject(input: $input) { id version } }": types.CreateProjectDocument,
    "mutation UpdateProject($id: ID!, $version: Int!, $input: ProjectInput!) { result: updateProject(id: $id, version: $version, input: $input) { id version } }": types.UpdateProjectDocument,
    "mutation DeleteProject($id: ID!, $version: Int!) { result: deleteProject(id: $id, version: $version) { type id cascaded } }": types.DeleteProjectDocument,
    "query VersionOfProject($id: ID!) { result: project(id: $id) { id name version } }": types.VersionOfProjectDocument,
    "mutation CreateRegion($input: RegionInput!) { result: createRegion(input: $input) { id version } }": types.CreateRegionDocument,
    "mutation UpdateRegion($id: ID!, $version: Int!, $input: RegionInput!) { result: updateRegion(id: $id, version: $version, input: $input) { id version } }": types.UpdateRegionDocument,
    "mutation DeleteRegion($id: ID!, $version: Int!) { result: deleteRegion(id: $id, version: $version) { type id cascaded } }": types.DeleteRegionDocument,
    "query VersionOfRegion($id: ID!) { result: region(id: $id) { id name version } }": types.VersionOfRegionDocument,
    "mutation CreateEvent($input: EventInput!) { result: createEvent(input: $input) { id version } }": types.CreateEventDocument,
    "mutation UpdateEvent($id: ID!, $version: Int!, $input: EventInput!) { result: updateEvent(id: $id, version: $version, input: $input) { id version } }": types.UpdateEventDocument,
    "mutation DeleteEvent($id: ID!, $version: Int!) { result: deleteEvent(id: $id, version: $version) { type id cascaded } }": types.DeleteEventDocument,
    "query VersionOfEvent($id: ID!) { result: event(id: $id) { id name version } }": types.VersionOfEventDocument,
    "\n  mutation MergeActors($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!) {\n    result: mergeActors(keepId: $keepId, keepVersion: $keepVersion, mergeId: $mergeId, mergeVersion: $mergeVersion) { id version }\n  }\n": types.MergeActorsDocument,
    "mutation CreateParticipation($input: ParticipationInput!) { result: createParticipation(input: $input) { type key version } }": types.CreateParticipationDocument,
    "mutation UpdateParticipation($version: Int!, $input: ParticipationInput!) { result: updateParticipation(version: $version, input: $input) { type key version } }": types.UpdateParticipationDocument,
    "mutation DeleteParticipation($version: Int!, $input: ParticipationInput!) { result: deleteParticipation(version: $version, input: $input) { type id cascaded } }": types.DeleteParticipationDocument,
    "mutation CreateEventParticipation($input: EventParticipationInput!) { result: createEventParticipation(input: $input) { type key version } }": types.CreateEventParticipationDocument,
    "mutation UpdateEventParticipation($version: Int!, $input: EventParticipationInput!) { result: updateEventParticipation(version: $version, input: $input) { type key version } }": types.UpdateEventParticipationDocument,
    "mutation DeleteEventParticipation($version: Int!, $input: EventParticipationInput!) { result: deleteEventParticipation(version: $version, input: $input) { type id cascaded } }": types.DeleteEventParticipationDocument,
    "mutation CreateCooperation($input: CooperationInput!) { result: createCooperation(input: $input) { type key version } }": types.CreateCooperationDocument,
    "mutation UpdateCooperation($version: Int!, $input: CooperationInput!) { result: updateCooperation(version: $version, input: $input) { type key version } }": types.UpdateCooperationDocument,
    "mutation DeleteCooperation($version: Int!, $input: CooperationInput!) { result: deleteCooperation(version: $version, input: $input) { type id cascaded } }": types.DeleteCooperationDocument,
    "mutation CreateTarget($input: TargetInput!) { result: createTarget(input: $input) { type key version } }": types.CreateTargetDocument,
    "mutation UpdateTarget($version: Int!, $input: TargetInput!) { result: updateTarget(version: $version, input: $input) { type key version } }": types.UpdateTargetDocument,
    "mutation DeleteTarget($version: Int!, $input: TargetInput!) { result: deleteTarget(version: $version, input: $input) { type id cascaded } }": types.DeleteTargetDocument,
    "\n  fragment NetworkNodeFields on NetworkNode { id type kind label regionId lat lon sectors startYear endYear }\n": types.NetworkNodeFieldsFragmentDoc,
    "\n  fragment NetworkEdgeFields on NetworkEdge { id source target kind role weight derived via }\n": types.NetworkEdgeFieldsFragmentDoc,
    "\n  fragment NetworkFields on Network { nodes { ...NetworkNodeFields } edges { ...NetworkEdgeFields } truncated hiddenTies }\n": types.NetworkFieldsFragmentDoc,
    "\n  fragment NodeRefFields on NodeRef { id type kind label }\n": types.NodeRefFieldsFragmentDoc,
    "\n  fragment SourceFields on Source { id title url publisher date }\n": types.SourceFieldsFragmentDoc,
    "\n  fragment EventSummaryFields on EventSummary { id name kind date place { ...NodeRefFields } }\n": types.EventSummaryFieldsFragmentDoc,
    "\n  query Network($filter: NetworkFilter) { network(filter: $filter) { ...NetworkFields } }\n": types.NetworkDocument,
    "\n  query Overview($level: String, $parentId: ID, $filter: NetworkFilter) {\n    overview(level: $level, parentId: $parentId, filter: $filter) {\n      level parentId actors unplaced truncated\n      regions { id name kind lat lon parentId actors internalTies hasChildren }\n      ties { a b directTies derivedTies derivedWeight derivedNewman }\n    }\n  }\n": types.OverviewDocument,
    "\n  query Neighborhood($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { ...NetworkFields } }\n": types.NeighborhoodDocument,
    "\n  query Paths($from: ID!, $to: ID!, $limit: Int) { shortestPaths(from: $from, to: $to, limit: $limit) { length nodes { ...NetworkNodeFields } } }\n": types.PathsDocument,
    "\n  query Catalog {\n    regions { id name kind code lat lon parentId }\n    facets { actorKinds { value count } sectors { value count } minYear maxYear }\n  }\n": types.CatalogDocument,
    "\n  query Search($text: String!, $types: [NodeType!]) { search(text: $text, limit: 12, types: $types) { id type kind label } }\n": types.SearchDocument,
    "\n  query NodeTypeOf($id: ID!) { nodeType(id: $id) }\n": types.NodeTypeOfDocument,
    "\n  query Actors($filter: NetworkFilter) { network(filter: $filter) { nodes { id kind label } } }\n": types.ActorsDocument,
    "\n    query ActorDetails($id: ID!, $editable: Boolean!) {\n      actor(id: $id) {\n        __typename id name kind sectors tags website description version @include(if: $editable)\n        region { ...NodeRefFields }\n        participations { project { ...NodeRefFields } role start end description version @include(if: $editable) contribution @include(if: $editable) }\n        events { event { ...NodeRefFields } role date description @include(if: $editable) version @include(if: $editable) }\n        cooperations { partner { ...NodeRefFields } kind outgoing since until description version @include(if: $editable) sources @include(if: $editable) { id } }\n        sources { ...SourceFields }\n      }\n    }\n  ": types.ActorDetailsDocument,
    "\n    query ProjectDetails($id: ID!, $editable: Boolean!) {\n      project(id: $id) {\n        __typename id name status programme start end description goals results tags version @include(if: $editable)\n        participants { actor { ...NodeRefFields } role description version @include(if: $editable) contribution @include(if: $editable) }\n        funders { ...NodeRefFields }\n        events { ...EventSummaryFields }\n        targets { region { ...NodeRefFields } role description version @include(if: $editable) }\n        predecessor { ...NodeRefFields }\n        successors { ...NodeRefFields }\n        sources { ...SourceFields }\n      }\n    }\n  ": types.ProjectDetailsDocument,
    "\n    query RegionDetails($id: ID!, $editable: Boolean!) {\n      region(id: $id) {\n        __typename id name kind code lat lon description tags actorCount version @include(if: $editable)\n        parent { ...NodeRefFields }\n        ancestors { ...NodeRefFields }\n        children { ...NodeRefFields }\n        actors { ...NodeRefFields }\n        events { ...EventSummaryFields }\n        targetedBy { subject { ...NodeRefFields } role version @include(if: $editable) }\n        sources { ...SourceFields }\n      }\n    }\n  ": types.RegionDetailsDocument,
    "\n    query EventDetails($id: ID!, $editable: Boolean!) {\n      event(id: $id) {\n        __typename id name kind date endDate venue description tags version @include(if: $editable)\n        place { ...NodeRefFields }\n        project { ...NodeRefFields }\n        participants { actor { ...NodeRefFields } role description version @include(if: $editable) }\n        targets { region { ...NodeRefFields } role description version @include(if: $editable) }\n        sources { ...SourceFields }\n      }\n    }\n  ": types.EventDetailsDocument,
    "\n  fragment StoryFields on Story { id title description version slides { id title notes view reveal } }\n": types.StoryFieldsFragmentDoc,
    "\n    query Stories { stories { id title description slideCount version } }\n  ": types.StoriesDocument,
    "\n    query Story($id: ID!) { story(id: $id) { ...StoryFields } }\n  ": types.StoryDocument,
    "\n    mutation CreateStory($input: StoryInput!) { result: createStory(input: $input) { ...StoryFields } }\n  ": types.CreateStoryDocument,
    "\n    mutation UpdateStory($id: ID!, $version: Int!, $input: StoryInput!) { result: updateStory(id: $id, version: $version, input: $input) { ...StoryFields } }\n  ": types.UpdateStoryDocument,
    "\n    mutation DeleteStory($id: ID!, $version: Int!) { result: deleteStory(id: $id, version: $version) { type id cascaded } }\n  ": types.DeleteStoryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { role name canEdit canAdmin readAccess pseudonymous } }\n"): typeof import('./graphql.ts').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenFields on AccessToken { id name role createdAt createdBy lastUsedAt revokedAt active pseudonymous }\n"): typeof import('./graphql.ts').TokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Tokens($includeRevoked: Boolean) { tokens(includeRevoked: $includeRevoked) { ...TokenFields } }\n  "): typeof import('./graphql.ts').TokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CreateToken($name: String!, $role: Role!, $pseudonymous: Boolean) {\n      createToken(name: $name, role: $role, pseudonymous: $pseudonymous) { secret signInUrl token { ...TokenFields } }\n    }\n  "): typeof import('./graphql.ts').CreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RevokeToken($id: ID!) { revokeToken(id: $id) { ...TokenFields } }\n  "): typeof import('./graphql.ts').RevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NetworkStatsFields on NetworkStats {\n    nodes edges density components largestComponent isolates averagePathLength diameter degreeCentralization communities modularity articulationPoints bridges\n    estimates { ...EstimateFields }\n  }\n"): typeof import('./graphql.ts').NetworkStatsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EstimateFields on Estimate { metric method epsilon confidence samples }\n"): typeof import('./graphql.ts').EstimateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalysisStatus { analysisStatus { revision currentRevision state done total step elapsedMs error } }\n"): typeof import('./graphql.ts').AnalysisStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegionCellFields on RegionCell { a b aName bName observed expected ratio }\n"): typeof import('./graphql.ts').RegionCellFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Metrics($filter: NetworkFilter, $weighted: Boolean!, $level: String, $weighting: TieWeighting) {\n    metrics(filter: $filter, weighted: $weighted, level: $level, weighting: $weighting) {\n      nodes {\n        id label kind regionId degree weightedDegree betweenness closeness eigenvector pagerank constraint effectiveSize\n        community component articulationPoint brokerage { coordinator gatekeeper representative itinerant liaison }\n      }\n      communitySizes modularity stats { ...NetworkStatsFields } estimates { ...EstimateFields }\n    }\n  }\n"): typeof import('./graphql.ts').MetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Gaps($filter: NetworkFilter, $level: String) {\n    regionGaps(level: $level, filter: $filter) {\n      level ties actorsWithoutRegion regions { id name actors internalTies externalTies eiIndex isolatedActors }\n      cells { ...RegionCellFields } whiteSpots { a b aName bName observed expected ratio reasons programmes distanceKm tier }\n    }\n    wishedTies(level: $level) { regionPairs { a b aName bName wished missing existing } }\n  }\n"): typeof import('./graphql.ts').GapsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coverage($filter: NetworkFilter, $level: String, $profile: [ProfileCategoryInput!]) {\n    coverage(level: $level, profile: $profile, filter: $filter) {\n      level profile { key kinds minimum } rows { regionId name actors cells { category count connected minimum status } sectors { sector count } }\n      missing { regionId category } unconnected { regionId category }\n    }\n  }\n"): typeof import('./graphql.ts').CoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhatIf($filter: NetworkFilter, $remove: [ID!]!, $level: String) {\n    whatIf(remove: $remove, level: $level, filter: $filter) {\n      removed unknown\n      before { components largestComponent interRegionalTies connectedRegionPairs }\n      after { components largestComponent interRegionalTies connectedRegionPairs }\n      disconnectedActors { id label regionId } lostRegionPairs { a b aName bName } isolatedRegions { id name }\n    }\n  }\n"): typeof import('./graphql.ts').WhatIfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suggestions($filter: NetworkFilter, $level: String, $limit: Int!) {\n    suggestions(filter: $filter, level: $level, limit: $limit) { a b aLabel bLabel score commonPartners adamicAdar reasons { code text { de en } } }\n  }\n"): typeof import('./graphql.ts').SuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Insights($filter: NetworkFilter, $level: String) {\n    insights(filter: $filter, level: $level) { id kind text { de en } nodeIds regionIds }\n    networkParts(filter: $filter, level: $level) { component name regionId projectId actors broker brokerCutOff }\n    networkStats(filter: $filter, level: $level) { ...NetworkStatsFields }\n    wishedTies(level: $level) { insights { id kind text { de en } nodeIds regionIds } }\n  }\n"): typeof import('./graphql.ts').InsightsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaptureInfo($token: String!) { captureInfo(token: $token) { name date expiresAt open reason districts { id name } } }"): typeof import('./graphql.ts').CaptureInfoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaptureRoster($token: String!, $text: String, $limit: Int!) { captureRoster(token: $token, text: $text, limit: $limit) { id name kind isNew } }"): typeof import('./graphql.ts').CaptureRosterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaptureMine($token: String!, $participant: String!) {\n  captureMine(token: $token, participant: $participant) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }\n}"): typeof import('./graphql.ts').CaptureMineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitCapture($token: String!, $participant: String!, $input: CaptureSubmissionInput!) {\n  submitCapture(token: $token, participant: $participant, input: $input) { id state createdAt updatedAt org { actorId name kind regionId } ties { partnerId partnerName relation projectName } }\n}"): typeof import('./graphql.ts').SubmitCaptureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WithdrawCapture($token: String!, $participant: String!, $id: ID!) { withdrawCapture(token: $token, participant: $participant, id: $id) { id state } }"): typeof import('./graphql.ts').WithdrawCaptureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaptureQueue($sessionId: ID!) {\n  captureQueue(sessionId: $sessionId) {\n    session { id name date open expiresAt closedAt link scopeKind scopeRef counts { pending approved rejected withdrawn } }\n    submissions {\n      id state createdAt updatedAt mergeInto actorId moderatedBy\n      org { actorId name kind regionId }\n      ties { partnerId partnerName relation projectName }\n      duplicates { id label kind }\n    }\n  }\n}"): typeof import('./graphql.ts').CaptureQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaptureSessions { captureSessions { id name date open link counts { pending approved } } }"): typeof import('./graphql.ts').CaptureSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaptureFeed($sessionId: ID!) { captureFeed(sessionId: $sessionId) { sessionId name open link pending approved newNodeIds newTies { a b } wishedTies { a b } } }"): typeof import('./graphql.ts').CaptureFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenCaptureSession($input: OpenCaptureSessionInput!) { openCaptureSession(input: $input) { id link } }"): typeof import('./graphql.ts').OpenCaptureSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CloseCaptureSession($id: ID!) { closeCaptureSession(id: $id) { id open } }"): typeof import('./graphql.ts').CloseCaptureSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MergeCaptureOrg($submissionId: ID!, $actorId: ID) { mergeCaptureOrg(submissionId: $submissionId, actorId: $actorId) { id mergeInto } }"): typeof import('./graphql.ts').MergeCaptureOrgDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddCaptureReportSlide($sessionId: ID!) { addCaptureReportSlide(sessionId: $sessionId) { storyId slideId } }"): typeof import('./graphql.ts').AddCaptureReportSlideDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ModerateCapture($sessionId: ID!, $submissionIds: [ID!]!, $decision: CaptureDecision!) {\n  moderateCapture(sessionId: $sessionId, submissionIds: $submissionIds, decision: $decision) { changed { id state } skipped }\n}"): typeof import('./graphql.ts').ModerateCaptureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateActor($input: ActorInput!) { result: createActor(input: $input) { id version } }"): typeof import('./graphql.ts').CreateActorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateActor($id: ID!, $version: Int!, $input: ActorInput!) { result: updateActor(id: $id, version: $version, input: $input) { id version } }"): typeof import('./graphql.ts').UpdateActorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteActor($id: ID!, $version: Int!) { result: deleteActor(id: $id, version: $version) { type id cascaded } }"): typeof import('./graphql.ts').DeleteActorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VersionOfActor($id: ID!) { result: actor(id: $id) { id name version } }"): typeof import('./graphql.ts').VersionOfActorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateProject($input: ProjectInput!) { result: createProject(input: $input) { id version } }"): typeof import('./graphql.ts').CreateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateProject($id: ID!, $version: Int!, $input: ProjectInput!) { result: updateProject(id: $id, version: $version, input: $input) { id version } }"): typeof import('./graphql.ts').UpdateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteProject($id: ID!, $version: Int!) { result: deleteProject(id: $id, version: $version) { type id cascaded } }"): typeof import('./graphql.ts').DeleteProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VersionOfProject($id: ID!) { result: project(id: $id) { id name version } }"): typeof import('./graphql.ts').VersionOfProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateRegion($input: RegionInput!) { result: createRegion(input: $input) { id version } }"): typeof import('./graphql.ts').CreateRegionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateRegion($id: ID!, $version: Int!, $input: RegionInput!) { result: updateRegion(id: $id, version: $version, input: $input) { id version } }"): typeof import('./graphql.ts').UpdateRegionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteRegion($id: ID!, $version: Int!) { result: deleteRegion(id: $id, version: $version) { type id cascaded } }"): typeof import('./graphql.ts').DeleteRegionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VersionOfRegion($id: ID!) { result: region(id: $id) { id name version } }"): typeof import('./graphql.ts').VersionOfRegionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateEvent($input: EventInput!) { result: createEvent(input: $input) { id version } }"): typeof import('./graphql.ts').CreateEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateEvent($id: ID!, $version: Int!, $input: EventInput!) { result: updateEvent(id: $id, version: $version, input: $input) { id version } }"): typeof import('./graphql.ts').UpdateEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteEvent($id: ID!, $version: Int!) { result: deleteEvent(id: $id, version: $version) { type id cascaded } }"): typeof import('./graphql.ts').DeleteEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VersionOfEvent($id: ID!) { result: event(id: $id) { id name version } }"): typeof import('./graphql.ts').VersionOfEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeActors($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!) {\n    result: mergeActors(keepId: $keepId, keepVersion: $keepVersion, mergeId: $mergeId, mergeVersion: $mergeVersion) { id version }\n  }\n"): typeof import('./graphql.ts').MergeActorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateParticipation($input: ParticipationInput!) { result: createParticipation(input: $input) { type key version } }"): typeof import('./graphql.ts').CreateParticipationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateParticipation($version: Int!, $input: ParticipationInput!) { result: updateParticipation(version: $version, input: $input) { type key version } }"): typeof import('./graphql.ts').UpdateParticipationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteParticipation($version: Int!, $input: ParticipationInput!) { result: deleteParticipation(version: $version, input: $input) { type id cascaded } }"): typeof import('./graphql.ts').DeleteParticipationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateEventParticipation($input: EventParticipationInput!) { result: createEventParticipation(input: $input) { type key version } }"): typeof import('./graphql.ts').CreateEventParticipationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateEventParticipation($version: Int!, $input: EventParticipationInput!) { result: updateEventParticipation(version: $version, input: $input) { type key version } }"): typeof import('./graphql.ts').UpdateEventParticipationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteEventParticipation($version: Int!, $input: EventParticipationInput!) { result: deleteEventParticipation(version: $version, input: $input) { type id cascaded } }"): typeof import('./graphql.ts').DeleteEventParticipationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCooperation($input: CooperationInput!) { result: createCooperation(input: $input) { type key version } }"): typeof import('./graphql.ts').CreateCooperationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateCooperation($version: Int!, $input: CooperationInput!) { result: updateCooperation(version: $version, input: $input) { type key version } }"): typeof import('./graphql.ts').UpdateCooperationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteCooperation($version: Int!, $input: CooperationInput!) { result: deleteCooperation(version: $version, input: $input) { type id cascaded } }"): typeof import('./graphql.ts').DeleteCooperationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateTarget($input: TargetInput!) { result: createTarget(input: $input) { type key version } }"): typeof import('./graphql.ts').CreateTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateTarget($version: Int!, $input: TargetInput!) { result: updateTarget(version: $version, input: $input) { type key version } }"): typeof import('./graphql.ts').UpdateTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteTarget($version: Int!, $input: TargetInput!) { result: deleteTarget(version: $version, input: $input) { type id cascaded } }"): typeof import('./graphql.ts').DeleteTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NetworkNodeFields on NetworkNode { id type kind label regionId lat lon sectors startYear endYear }\n"): typeof import('./graphql.ts').NetworkNodeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NetworkEdgeFields on NetworkEdge { id source target kind role weight derived via }\n"): typeof import('./graphql.ts').NetworkEdgeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NetworkFields on Network { nodes { ...NetworkNodeFields } edges { ...NetworkEdgeFields } truncated hiddenTies }\n"): typeof import('./graphql.ts').NetworkFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NodeRefFields on NodeRef { id type kind label }\n"): typeof import('./graphql.ts').NodeRefFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceFields on Source { id title url publisher date }\n"): typeof import('./graphql.ts').SourceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventSummaryFields on EventSummary { id name kind date place { ...NodeRefFields } }\n"): typeof import('./graphql.ts').EventSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Network($filter: NetworkFilter) { network(filter: $filter) { ...NetworkFields } }\n"): typeof import('./graphql.ts').NetworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($level: String, $parentId: ID, $filter: NetworkFilter) {\n    overview(level: $level, parentId: $parentId, filter: $filter) {\n      level parentId actors unplaced truncated\n      regions { id name kind lat lon parentId actors internalTies hasChildren }\n      ties { a b directTies derivedTies derivedWeight derivedNewman }\n    }\n  }\n"): typeof import('./graphql.ts').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighborhood($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { ...NetworkFields } }\n"): typeof import('./graphql.ts').NeighborhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Paths($from: ID!, $to: ID!, $limit: Int) { shortestPaths(from: $from, to: $to, limit: $limit) { length nodes { ...NetworkNodeFields } } }\n"): typeof import('./graphql.ts').PathsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    regions { id name kind code lat lon parentId }\n    facets { actorKinds { value count } sectors { value count } minYear maxYear }\n  }\n"): typeof import('./graphql.ts').CatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!, $types: [NodeType!]) { search(text: $text, limit: 12, types: $types) { id type kind label } }\n"): typeof import('./graphql.ts').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeTypeOf($id: ID!) { nodeType(id: $id) }\n"): typeof import('./graphql.ts').NodeTypeOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Actors($filter: NetworkFilter) { network(filter: $filter) { nodes { id kind label } } }\n"): typeof import('./graphql.ts').ActorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ActorDetails($id: ID!, $editable: Boolean!) {\n      actor(id: $id) {\n        __typename id name kind sectors tags website description version @include(if: $editable)\n        region { ...NodeRefFields }\n        participations { project { ...NodeRefFields } role start end description version @include(if: $editable) contribution @include(if: $editable) }\n        events { event { ...NodeRefFields } role date description @include(if: $editable) version @include(if: $editable) }\n        cooperations { partner { ...NodeRefFields } kind outgoing since until description version @include(if: $editable) sources @include(if: $editable) { id } }\n        sources { ...SourceFields }\n      }\n    }\n  "): typeof import('./graphql.ts').ActorDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ProjectDetails($id: ID!, $editable: Boolean!) {\n      project(id: $id) {\n        __typename id name status programme start end description goals results tags version @include(if: $editable)\n        participants { actor { ...NodeRefFields } role description version @include(if: $editable) contribution @include(if: $editable) }\n        funders { ...NodeRefFields }\n        events { ...EventSummaryFields }\n        targets { region { ...NodeRefFields } role description version @include(if: $editable) }\n        predecessor { ...NodeRefFields }\n        successors { ...NodeRefFields }\n        sources { ...SourceFields }\n      }\n    }\n  "): typeof import('./graphql.ts').ProjectDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query RegionDetails($id: ID!, $editable: Boolean!) {\n      region(id: $id) {\n        __typename id name kind code lat lon description tags actorCount version @include(if: $editable)\n        parent { ...NodeRefFields }\n        ancestors { ...NodeRefFields }\n        children { ...NodeRefFields }\n        actors { ...NodeRefFields }\n        events { ...EventSummaryFields }\n        targetedBy { subject { ...NodeRefFields } role version @include(if: $editable) }\n        sources { ...SourceFields }\n      }\n    }\n  "): typeof import('./graphql.ts').RegionDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query EventDetails($id: ID!, $editable: Boolean!) {\n      event(id: $id) {\n        __typename id name kind date endDate venue description tags version @include(if: $editable)\n        place { ...NodeRefFields }\n        project { ...NodeRefFields }\n        participants { actor { ...NodeRefFields } role description version @include(if: $editable) }\n        targets { region { ...NodeRefFields } role description version @include(if: $editable) }\n        sources { ...SourceFields }\n      }\n    }\n  "): typeof import('./graphql.ts').EventDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoryFields on Story { id title description version slides { id title notes view reveal } }\n"): typeof import('./graphql.ts').StoryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Stories { stories { id title description slideCount version } }\n  "): typeof import('./graphql.ts').StoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Story($id: ID!) { story(id: $id) { ...StoryFields } }\n  "): typeof import('./graphql.ts').StoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CreateStory($input: StoryInput!) { result: createStory(input: $input) { ...StoryFields } }\n  "): typeof import('./graphql.ts').CreateStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation UpdateStory($id: ID!, $version: Int!, $input: StoryInput!) { result: updateStory(id: $id, version: $version, input: $input) { ...StoryFields } }\n  "): typeof import('./graphql.ts').UpdateStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation DeleteStory($id: ID!, $version: Int!) { result: deleteStory(id: $id, version: $version) { type id cascaded } }\n  "): typeof import('./graphql.ts').DeleteStoryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
