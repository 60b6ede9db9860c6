export default definePageConfig({ navigationBarTitleText: '办件详情（工作人员）' });
