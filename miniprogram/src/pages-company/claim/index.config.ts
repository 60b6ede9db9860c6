export default definePageConfig({ navigationBarTitleText: '认领企业' });
