export default definePageConfig({ navigationBarTitleText: '待认证' });
