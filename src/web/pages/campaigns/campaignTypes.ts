// Types of the campaign and full-employment community pages, read from the API's schemas (AID-7, AID-9).
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** One campaign. */
export type CampaignItem = ItemOf<'/api/v1/assistance/campaigns'>;
/** A campaign's targets against its counted results. */
export type CampaignResults = ResponseOf<'/api/v1/assistance/campaigns/{id}/results'>;
/** The ranked communities with the share meeting the standard. */
export type CommunityRanking = ResponseOf<'/api/v1/assistance/full-employment-communities'>;
export type CommunityItem = CommunityRanking['items'][number];
export type CommunityFact = CommunityItem['facts'][number];

export const campaignsPath = '/assistance/campaigns';
export const communitiesPath = '/assistance/full-employment-communities';
export const campaignStatusNames = { planned: '未开始', running: '进行中', ended: '已结束' } as const;
export const campaignStatusColors = { planned: 'default', running: 'processing', ended: 'green' } as const;
