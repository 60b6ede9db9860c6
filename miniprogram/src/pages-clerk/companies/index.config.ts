export default definePageConfig({ navigationBarTitleText: '辖区企业' });
